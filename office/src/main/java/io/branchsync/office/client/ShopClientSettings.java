package io.branchsync.office.client;

import javax.net.ssl.SSLContext;

/**
 * How the office talks to shops: how long to wait for a connection, for any sign of life while a
 * reply is awaited, and for a whole call; retries after network errors; and the TLS trust to use
 * (null for the JDK's default).
 */
public record ShopClientSettings(
    int connectTimeoutMs,
    int readTimeoutMs,
    int callTimeoutMs,
    int retries,
    long retryBackoffMs,
    SSLContext tls) {

  public ShopClientSettings {
    if (connectTimeoutMs < 1 || readTimeoutMs < 1 || callTimeoutMs < 1) {
      throw new IllegalArgumentException("shop client timeouts must be at least 1 ms");
    }
    if (retries < 0 || retryBackoffMs < 0) {
      throw new IllegalArgumentException("shop client retries and backoff cannot be negative");
    }
  }
}
