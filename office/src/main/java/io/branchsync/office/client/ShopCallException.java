package io.branchsync.office.client;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.RejectedRow;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.util.Optional;

/** A call to a shop failed: the shop was unreachable, refused our credentials, or sent a fault. */
public class ShopCallException extends SyncException {
  private static final long serialVersionUID = 1L;
  private final FaultCode fault;
  private final transient RejectedRow rejectedRow;

  public ShopCallException(ErrorCode code, String message, FaultCode fault, Throwable cause) {
    this(code, message, fault, null, cause);
  }

  /** A fault about one row the shop refused, read from the fault's last line. */
  public ShopCallException(
      ErrorCode code, String message, FaultCode fault, RejectedRow rejectedRow, Throwable cause) {
    super(code, message, cause);
    this.fault = fault;
    this.rejectedRow = rejectedRow;
  }

  /** The row an {@code APPLY_FAILED} fault is about, when the shop named one. */
  public Optional<RejectedRow> rejectedRow() {
    return Optional.ofNullable(rejectedRow);
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
