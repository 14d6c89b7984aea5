package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;

/**
 * An insertion session id: the result of {@code sql_prepare} and the first argument of {@code
 * sql_create} and {@code sql_finish}.
 *
 * <p>Wire shape: one int, 1 or more. Whether the session exists is the shop's business ({@link
 * FaultCode#UNKNOWN_SESSION}); this type only checks the shape.
 *
 * @param value the id, 1 or more
 */
public record SessionId(int value) {

  private static final String FIELD = "sid";

  /**
   * Checks every field. Messages start with the wire field name, so that {@code fromWire} can
   * report them as they are.
   *
   * @param value the id, 1 or more
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public SessionId {
    if (value < 1) {
      throw invalid(FIELD, "must be 1 or more, got " + value);
    }
  }

  /**
   * The value to return from {@code sql_prepare} or to pass to {@code sql_create} and {@code
   * sql_finish}.
   *
   * @return the id as an {@link Integer}
   */
  public Integer toWire() {
    return value;
  }

  /**
   * Reads a session id, as the shop receives it in {@code sql_create} and {@code sql_finish}.
   *
   * @param wire the value the XML-RPC server passed
   * @return the session id
   * @throws ProtocolException {@link FaultCode#BAD_ARGUMENT} naming {@code sid}
   */
  public static SessionId fromWire(Object wire) {
    return fromWire(wire, FaultCode.BAD_ARGUMENT);
  }

  /**
   * Reads the result of {@code sql_prepare}, as the office receives it.
   *
   * @param wire the value the XML-RPC client returned
   * @return the session id
   * @throws ProtocolException {@link FaultCode#BAD_RESULT} naming {@code sid}
   */
  public static SessionId fromWireResult(Object wire) {
    return fromWire(wire, FaultCode.BAD_RESULT);
  }

  private static SessionId fromWire(Object wire, FaultCode code) {
    if (!(wire instanceof Integer id)) {
      throw new ProtocolException(code, FIELD + ": must be int, got " + WireFields.typeOf(wire));
    }
    if (id < 1) {
      throw new ProtocolException(code, FIELD + ": must be 1 or more, got " + id);
    }
    return new SessionId(id);
  }
}
