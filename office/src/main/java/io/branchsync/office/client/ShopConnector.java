package io.branchsync.office.client;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Makes {@link ShopClient}s that share one HTTP client: its connection pool and its few threads
 * serve every shop, so a run over many branches opens no more than it needs. One per office.
 */
public final class ShopConnector {
  private final ShopClientSettings settings;
  private final ShopExchange exchange;

  public ShopConnector(ShopClientSettings settings) {
    this.settings = settings;
    HttpClient.Builder http =
        HttpClient.newBuilder()
            // our shops speak HTTP/1.1; asking for HTTP/2 would cost an upgrade attempt per
            // connection
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
            .followRedirects(HttpClient.Redirect.NEVER);
    // the JDK's URL connections honoured the proxy system properties; keep doing so
    ProxySelector proxies = ProxySelector.getDefault();
    if (proxies != null) {
      http.proxy(proxies);
    }
    if (settings.tls() != null) {
      http.sslContext(settings.tls());
    }
    this.exchange = new ShopExchange(http.build(), settings);
  }

  /** A client of the shop at {@code url}, calling with the branch's Basic credentials. */
  public ShopClient client(URI url, String user, String password) {
    return new ShopClient(url, user, password, settings, exchange);
  }
}
