package io.branchsync.shop.internal.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing: each failed login from a client address doubles the time before that address's
 * next answer, from {@value #FIRST_DELAY_MILLIS} ms up to {@value #MAX_DELAY_MILLIS} ms; a success
 * resets it. Attempts arriving while an address is held back are refused without checking the
 * password, so parallel guesses gain nothing and cost no hashing.
 */
final class FailureThrottle {

  static final long FIRST_DELAY_MILLIS = 250;
  static final long MAX_DELAY_MILLIS = 4_000;
  // Forget addresses quiet for this long; bounds the map under a spray of source addresses.
  private static final long FORGET_AFTER_MILLIS = 10 * 60_000;
  private static final int MAX_TRACKED = 10_000;

  private final Map<String, Penalty> penalties = new ConcurrentHashMap<>();

  /**
   * How long the address must still wait before its attempt may be checked.
   *
   * @param address the client address
   * @param now the current time in milliseconds
   * @return milliseconds to wait, 0 when the attempt may be checked now
   */
  long heldBackFor(String address, long now) {
    Penalty penalty = penalties.get(address);
    return penalty == null ? 0 : Math.max(0, penalty.until - now);
  }

  /**
   * Records a failure.
   *
   * @param address the client address
   * @param now the current time in milliseconds
   * @return milliseconds to delay the answer
   */
  long failed(String address, long now) {
    if (penalties.size() >= MAX_TRACKED) {
      forgetQuiet(now);
      if (penalties.size() >= MAX_TRACKED) {
        // a spray from that many addresses defeats per-address delays anyway; start afresh
        penalties.clear();
      }
    }
    Penalty penalty =
        penalties.compute(
            address,
            (a, old) -> {
              int failures = old == null ? 1 : Math.min(old.failures + 1, 30);
              long delay = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << (failures - 1));
              return new Penalty(failures, now + delay);
            });
    return penalty.until - now;
  }

  /** Forgets the address's failures after a success. */
  void succeeded(String address) {
    penalties.remove(address);
  }

  private void forgetQuiet(long now) {
    for (Iterator<Penalty> it = penalties.values().iterator(); it.hasNext(); ) {
      if (it.next().until + FORGET_AFTER_MILLIS < now) {
        it.remove();
      }
    }
  }

  private record Penalty(int failures, long until) {}
}
