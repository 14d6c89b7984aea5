package io.branchsync.office.client;

import io.branchsync.protocol.FaultCode;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;

/** A call to a shop failed: the shop was unreachable, refused our credentials, or sent a fault. */
public class ShopCallException extends SyncException {
  private static final long serialVersionUID = 1L;
  private final FaultCode fault;

  public ShopCallException(ErrorCode code, String message, FaultCode fault, Throwable cause) {
    super(code, message, cause);
    this.fault = fault;
  }

  /** The shop's fault code when the shop answered with a fault, else null. */
  public FaultCode fault() {
    return fault;
  }

  /** Whether running the same sync later may succeed without anyone changing anything. */
  public boolean transientFailure() {
    return code() == ErrorCode.SHOP_UNREACHABLE || (fault != null && fault.retryable());
  }
}
