package io.branchsync.office.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What has been heard of one reply so far: when the shop last sent anything, how many body bytes
 * arrived and how many its Content-Length promised. Written by the HTTP client's threads, read by
 * the caller waiting for the reply.
 */
final class ReplyProgress {
  private final AtomicLong lastHeardNanos;
  private final AtomicLong bodyBytes = new AtomicLong();
  private volatile long declaredLength = -1;
  private volatile boolean headersArrived;

  ReplyProgress(long startNanos) {
    this.lastHeardNanos = new AtomicLong(startNanos);
  }

  void headers(long contentLength) {
    declaredLength = contentLength;
    headersArrived = true;
    lastHeardNanos.set(System.nanoTime());
  }

  void body(long bytes) {
    bodyBytes.addAndGet(bytes);
    lastHeardNanos.set(System.nanoTime());
  }

  long lastHeardNanos() {
    return lastHeardNanos.get();
  }

  boolean headersArrived() {
    return headersArrived;
  }

  long bodyBytes() {
    return bodyBytes.get();
  }

  /** "37 of 500 bytes", or "37 bytes" when the reply gave no length. */
  String received() {
    long declared = declaredLength;
    return bodyBytes() + (declared >= 0 ? " of " + declared : "") + " bytes";
  }
}
