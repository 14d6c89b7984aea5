package io.branchsync.shop.internal.session;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The lease the office holds on its sessions by talking to the shop: while an authenticated request
 * is being received or served, no session's idle time runs. A session's idle time counts from its
 * last call, but the next call only reaches it once its whole body has arrived, and on a slow link
 * a chunk of a few megabytes takes longer to upload than a short idle limit; an office that is
 * still sending must not lose its session for it.
 */
public final class OfficeLease {

  private final LongSupplier clock;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile long lastEndedNanos;

  /**
   * Creates a lease nobody has renewed yet.
   *
   * @param clock nanosecond clock ({@code System::nanoTime} outside tests)
   */
  public OfficeLease(LongSupplier clock) {
    this.clock = clock;
    this.lastEndedNanos = clock.getAsLong();
  }

  /** An authenticated request started arriving. */
  public void callStarted() {
    calls.incrementAndGet();
  }

  /** That request was answered, or failed. */
  public void callEnded() {
    // written before the count drops, so a reader that sees no call running sees this time
    lastEndedNanos = clock.getAsLong();
    calls.decrementAndGet();
  }

  /**
   * Since when the office has been silent.
   *
   * @param now the current clock reading
   * @return {@code now} while a request is in progress, else when the last one ended
   */
  long quietSince(long now) {
    return calls.get() > 0 ? now : lastEndedNanos;
  }
}
