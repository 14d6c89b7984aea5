package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;

/**
 * The argument of {@code diff}: the cursor after which the office wants the shop's changes.
 *
 * <p>Wire shape: one string. The cursor is opaque: only the shop that issued it as {@code next}
 * interprets it. It is not a time, because a timestamp misses rows of a transaction that commits
 * after a later one and cannot see deletes. The empty string asks from the beginning.
 *
 * @param since {@code ""} the first time, then the {@code next} of the previous {@link DiffResult}
 */
public record DiffRequest(String since) {

  private static final DiffRequest FIRST = new DiffRequest("");

  /**
   * Checks every field. Messages start with the wire field name, so that {@code fromWire} can
   * report them as they are.
   *
   * @param since the cursor, {@code ""} for the beginning
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public DiffRequest {
    if (since == null) {
      throw invalid("since", "must not be null; use \"\" to start from the beginning");
    }
  }

  /**
   * The request of a branch that has never collected changes.
   *
   * @return a request with the empty cursor
   */
  public static DiffRequest first() {
    return FIRST;
  }

  /**
   * Whether this request starts from the beginning.
   *
   * @return true for the empty cursor
   */
  public boolean isFirst() {
    return since.isEmpty();
  }

  /**
   * The value to pass as the argument of {@code diff}.
   *
   * @return the cursor string
   */
  public String toWire() {
    return since;
  }

  /**
   * Reads the argument of {@code diff} as received by the shop.
   *
   * @param wire the value the XML-RPC server passed
   * @return the request
   * @throws ProtocolException {@link FaultCode#BAD_ARGUMENT} naming {@code since}
   */
  public static DiffRequest fromWire(Object wire) {
    if (!(wire instanceof String since)) {
      throw new ProtocolException(
          FaultCode.BAD_ARGUMENT, "diff.since: must be string, got " + WireFields.typeOf(wire));
    }
    return new DiffRequest(since);
  }
}
