package io.branchsync.shop;

import java.time.Duration;

/**
 * The bounds on what a client may make the shop's HTTP server wait for: every value must be
 * positive; the constructor fails naming the key.
 *
 * @param headerTimeout time from a connection's opening to its request's complete headers ({@code
 *     http.header.timeout.seconds}); a client still sending them is disconnected
 * @param idleTimeout longest silence of a client while a request arrives or between requests on a
 *     kept-alive connection ({@code http.idle.timeout.seconds})
 * @param connectionsPerAddress connections one address may hold open before their first request has
 *     arrived ({@code limit.connections.per.address}); the oldest is closed beyond it
 */
public record HttpLimits(Duration headerTimeout, Duration idleTimeout, int connectionsPerAddress) {

  /** Checks every limit; the message names the key. */
  public HttpLimits {
    positive(ShopProperty.HTTP_HEADER_TIMEOUT_SECONDS, headerTimeout);
    positive(ShopProperty.HTTP_IDLE_TIMEOUT_SECONDS, idleTimeout);
    if (connectionsPerAddress < 1) {
      throw new ShopConfigException(
          ShopProperty.LIMIT_CONNECTIONS_PER_ADDRESS,
          "must be 1 or more, got " + connectionsPerAddress);
    }
  }

  private static void positive(ShopProperty property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ShopConfigException(property, "must be 1 or more, got " + value);
    }
  }
}
