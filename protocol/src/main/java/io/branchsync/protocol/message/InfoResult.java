package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@code info}: who the shop is and whether the office can talk to it.
 *
 * <p>Wire shape: struct {@code branch} (int), {@code dialect} ({@value #POSTGRESQL} or {@value
 * #MYSQL}; MariaDB reports {@value #MYSQL}), {@code protocol} (int), {@code schema_version}
 * (string), {@code pending} (int).
 *
 * @param branch the shop's branch number, 1 or more (0 is the office)
 * @param dialect the SQL dialect chunks for this shop must be written in
 * @param protocol the protocol version the shop speaks
 * @param schemaVersion the shop's schema version, as its migrations name it
 * @param pending changes not yet collected by the office; sent as an int, saturating at {@link
 *     Integer#MAX_VALUE} because it is a backlog indicator, not an exact total
 */
public record InfoResult(
    int branch, String dialect, int protocol, String schemaVersion, long pending) {

  /** The {@code dialect} of a PostgreSQL shop. */
  public static final String POSTGRESQL = "postgresql";

  /** The {@code dialect} of a MySQL or MariaDB shop. */
  public static final String MYSQL = "mysql";

  private static final String WHAT = "info";

  /**
   * Checks every field. Messages start with the wire field name, so that {@code fromWire} can
   * report them as they are.
   *
   * @param branch the branch number, 1 or more
   * @param dialect {@value #POSTGRESQL} or {@value #MYSQL}
   * @param protocol the protocol version, 1 or more
   * @param schemaVersion the schema version, not blank
   * @param pending the backlog, 0 or more
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public InfoResult {
    if (branch < 1) {
      throw invalid("branch", "must be 1 or more (0 is the office), got " + branch);
    }
    if (!POSTGRESQL.equals(dialect) && !MYSQL.equals(dialect)) {
      throw invalid(
          "dialect", "must be '" + POSTGRESQL + "' or '" + MYSQL + "', got " + quoted(dialect));
    }
    if (protocol < 1) {
      throw invalid("protocol", "must be 1 or more, got " + protocol);
    }
    if (schemaVersion == null || schemaVersion.isBlank()) {
      throw invalid("schema_version", "must not be blank");
    }
    if (pending < 0) {
      throw invalid("pending", "must not be negative, got " + pending);
    }
  }

  /**
   * The struct to return from the {@code info} handler.
   *
   * @return an unmodifiable struct in the documented key order
   */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("branch", branch);
    wire.put("dialect", dialect);
    wire.put("protocol", protocol);
    wire.put("schema_version", schemaVersion);
    wire.put("pending", WireFields.saturatedInt(pending));
    return Collections.unmodifiableMap(wire);
  }

  /**
   * Reads the result of {@code info} as received by the office.
   *
   * <p>The protocol version is checked before the other fields, so that a shop of another version,
   * whose struct may differ, is reported as {@link FaultCode#PROTOCOL_MISMATCH} rather than as a
   * malformed reply.
   *
   * @param wire the value the XML-RPC client returned
   * @return the result
   * @throws io.branchsync.protocol.ProtocolException {@link FaultCode#PROTOCOL_MISMATCH} for
   *     another protocol version, otherwise {@link FaultCode#BAD_RESULT} naming the bad field
   */
  public static InfoResult fromWire(Object wire) {
    WireFields fields = WireFields.struct(wire, WHAT, FaultCode.BAD_RESULT);
    int protocol = fields.requireInt("protocol");
    ProtocolVersion.requireCompatible(protocol);
    int branch = fields.requireInt("branch");
    String dialect = fields.requireString("dialect");
    String schemaVersion = fields.requireString("schema_version");
    int pending = fields.requireInt("pending");
    return WireFields.build(
        WHAT,
        FaultCode.BAD_RESULT,
        () -> new InfoResult(branch, dialect, protocol, schemaVersion, pending));
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
