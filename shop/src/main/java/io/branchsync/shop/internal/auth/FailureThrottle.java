package io.branchsync.shop.internal.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long to delay the answer to a failed login from a client address: each failure doubles it,
 * from {@value #FIRST_DELAY_MILLIS} ms up to {@value #MAX_DELAY_MILLIS} ms. A success does not
 * reset it: the office may share its address with the guesser, and its success must not buy the
 * guesser faster answers. The count is forgotten after {@value #FORGET_AFTER_MILLIS} ms without a
 * failure. Only refusals are delayed; a correct secret is never held back by this.
 */
final class FailureThrottle {

  static final long FIRST_DELAY_MILLIS = 250;
  static final long MAX_DELAY_MILLIS = 4_000;
  static final long FORGET_AFTER_MILLIS = 10 * 60_000;
  // bounds the map under a spray of source addresses
  private static final int MAX_TRACKED = 10_000;

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /**
   * Records a failure.
   *
   * @param address the client address
   * @param now the current time in milliseconds
   * @return milliseconds to delay the refusal
   */
  long failed(String address, long now) {
    if (failures.size() >= MAX_TRACKED) {
      forgetQuiet(now);
      if (failures.size() >= MAX_TRACKED) {
        // a spray from that many addresses defeats per-address delays anyway; start afresh
        failures.clear();
      }
    }
    Failures updated =
        failures.compute(
            address,
            (a, old) ->
                new Failures(
                    old == null || old.last + FORGET_AFTER_MILLIS < now
                        ? 1
                        : Math.min(old.count + 1, 30),
                    now));
    return Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << (updated.count - 1));
  }

  private void forgetQuiet(long now) {
    for (Iterator<Failures> it = failures.values().iterator(); it.hasNext(); ) {
      if (it.next().last + FORGET_AFTER_MILLIS < now) {
        it.remove();
      }
    }
  }

  private record Failures(int count, long last) {}
}
