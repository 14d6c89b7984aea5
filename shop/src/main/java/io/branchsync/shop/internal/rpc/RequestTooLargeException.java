package io.branchsync.shop.internal.rpc;

import java.io.IOException;

/** A request body passed the size limit while it was read; the answer is HTTP 413. */
public final class RequestTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param limit the limit in bytes
   */
  public RequestTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes (limit.request.bytes)");
  }
}
