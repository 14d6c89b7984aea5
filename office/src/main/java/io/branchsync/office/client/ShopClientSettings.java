package io.branchsync.office.client;

import javax.net.ssl.SSLSocketFactory;

/**
 * How the office talks to shops: timeouts, retries after network errors, and the TLS trust to
 * use (null for the JDK's default).
 */
public record ShopClientSettings(
    int connectTimeoutMs,
    int readTimeoutMs,
    int retries,
    long retryBackoffMs,
    SSLSocketFactory tls) {

  public static ShopClientSettings defaults() {
    return new ShopClientSettings(5_000, 300_000, 3, 500, null);
  }
}
