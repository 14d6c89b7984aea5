package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@code sql_finish}: what one insertion session applied.
 *
 * <p>Wire shape: struct {@code statements} (int), {@code rows} (int). Rows saturate at {@link
 * Integer#MAX_VALUE} on the wire, since XML-RPC has no standard 64-bit integer and a provisioning
 * session could in principle pass it; the count is for reports, not for arithmetic.
 *
 * @param statements statements applied, COPY blocks counting as one each
 * @param rows rows inserted, updated or deleted
 */
public record FinishResult(int statements, long rows) {

  private static final String WHAT = "sql_finish";

  /**
   * Checks every field. Messages start with the wire field name, so that {@code fromWire} can
   * report them as they are.
   *
   * @param statements statements applied, 0 or more
   * @param rows rows changed, 0 or more
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public FinishResult {
    if (statements < 0) {
      throw invalid("statements", "must not be negative, got " + statements);
    }
    if (rows < 0) {
      throw invalid("rows", "must not be negative, got " + rows);
    }
  }

  /**
   * The struct to return from the {@code sql_finish} handler.
   *
   * @return an unmodifiable struct
   */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("statements", statements);
    wire.put("rows", WireFields.saturatedInt(rows));
    return Collections.unmodifiableMap(wire);
  }

  /**
   * Reads the result of {@code sql_finish} as received by the office.
   *
   * @param wire the value the XML-RPC client returned
   * @return the result
   * @throws io.branchsync.protocol.ProtocolException {@link FaultCode#BAD_RESULT} naming the bad
   *     field
   */
  public static FinishResult fromWire(Object wire) {
    WireFields fields = WireFields.struct(wire, WHAT, FaultCode.BAD_RESULT);
    int statements = fields.requireInt("statements");
    int rows = fields.requireInt("rows");
    return WireFields.build(WHAT, FaultCode.BAD_RESULT, () -> new FinishResult(statements, rows));
  }
}
