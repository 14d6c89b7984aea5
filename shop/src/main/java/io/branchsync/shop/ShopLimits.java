package io.branchsync.shop;

import java.time.Duration;

/**
 * The bounds a shop puts on what callers may make it hold: request size, inflated chunk size, bytes
 * received by and number of insertion sessions, session idle time, and diff batch size. Every value
 * must be positive; the constructor fails naming the key.
 *
 * @param requestBytes largest HTTP request body ({@code limit.request.bytes})
 * @param chunkBytes largest inflated chunk ({@code limit.chunk.bytes})
 * @param sessionBytes most gzip bytes one session receives ({@code limit.session.bytes})
 * @param sessions most sessions open at once ({@code limit.sessions})
 * @param sessionIdle idle time after which a session is discarded ({@code
 *     limit.session.idle.seconds})
 * @param diffMaxChanges change-log rows per diff batch ({@code diff.max.changes})
 */
public record ShopLimits(
    long requestBytes,
    long chunkBytes,
    long sessionBytes,
    int sessions,
    Duration sessionIdle,
    int diffMaxChanges) {

  /** Checks every limit; the message names the key. */
  public ShopLimits {
    positive(ShopProperty.LIMIT_REQUEST_BYTES, requestBytes);
    if (requestBytes > Integer.MAX_VALUE - 8) {
      // the request is parsed in memory, and a Java array holds at most 2 GiB
      throw new ShopConfigException(
          ShopProperty.LIMIT_REQUEST_BYTES, "must be below 2GiB, got " + requestBytes);
    }
    positive(ShopProperty.LIMIT_CHUNK_BYTES, chunkBytes);
    positive(ShopProperty.LIMIT_SESSION_BYTES, sessionBytes);
    positive(ShopProperty.LIMIT_SESSIONS, sessions);
    if (sessionIdle == null || sessionIdle.isNegative() || sessionIdle.isZero()) {
      throw new ShopConfigException(
          ShopProperty.LIMIT_SESSION_IDLE_SECONDS, "must be 1 or more, got " + sessionIdle);
    }
    positive(ShopProperty.DIFF_MAX_CHANGES, diffMaxChanges);
  }

  /**
   * The documented defaults.
   *
   * @return 16 MiB requests, 32 MiB chunks, 2 GiB per session, 4 sessions, 20 s idle, 5000 changes
   *     per diff
   */
  public static ShopLimits defaults() {
    // 20 s idle: the office is never that long between two calls of a healthy session (it reads
    // and compresses the next chunk while the last one is applied), a call being uploaded or
    // applied does not count as idle, and a MySQL/MariaDB till waits at most this long (plus the
    // 5 s sweep) on an office that died, well inside innodb_lock_wait_timeout (50 s by default):
    // at 60 s such a till failed its sale instead of waiting.
    // 16 MiB requests and 32 MiB chunks fit the documented -Xmx256m; the office sends 4 MiB.
    return new ShopLimits(16L << 20, 32L << 20, 2L << 30, 4, Duration.ofSeconds(20), 5000);
  }

  private static void positive(ShopProperty property, long value) {
    if (value < 1) {
      throw new ShopConfigException(property, "must be 1 or more, got " + value);
    }
  }
}
