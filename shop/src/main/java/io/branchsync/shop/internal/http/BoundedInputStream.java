package io.branchsync.shop.internal.http;

import io.branchsync.shop.internal.rpc.RequestTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails with {@link RequestTooLargeException} as soon as more than the limit
 * has been read, whatever the {@code Content-Length} claimed, so an oversized body is never held.
 */
final class BoundedInputStream extends FilterInputStream {

  private final long limit;
  private long read;

  BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(long n) throws RequestTooLargeException {
    read += n;
    if (read > limit) {
      throw new RequestTooLargeException(limit);
    }
  }
}
