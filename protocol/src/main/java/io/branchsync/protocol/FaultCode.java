package io.branchsync.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The numbered errors of the wire contract, sent as the {@code faultCode} of an XML-RPC fault.
 *
 * <p>Codes are stable: a number, once published, keeps its meaning forever, because operators grep
 * logs and write alerts for them. They are grouped by hundreds: 1000 general, 1100 insertion
 * sessions, 1200 chunks, 1300 SQL in chunks, 1400 shop state. Each code carries a default message
 * that tells a person what to do, and whether the caller may simply {@linkplain #retryable()
 * retry}.
 */
public enum FaultCode {
  /** A bug or unforeseen state at the shop; details stay in the shop's log. */
  INTERNAL(1000, false, "The shop hit an unexpected error; its log has the details."),
  /**
   * Missing or wrong credentials. Never sent as a fault: the shop answers HTTP 401 and does
   * nothing. Kept so that documentation and the office's messages have one code for it.
   */
  AUTH_REQUIRED(
      1001,
      false,
      "The shop refused the credentials (HTTP 401); check the branch's user and password."),
  /** The two sides speak different protocol versions. */
  PROTOCOL_MISMATCH(
      1002, false, "Office and shop speak different protocol versions; upgrade the older side."),
  /** An argument of the call is missing, of the wrong type or out of range. */
  BAD_ARGUMENT(1003, false, "An argument of the call is missing, of the wrong type or invalid."),
  /** A result received from the shop does not have the documented shape. */
  BAD_RESULT(
      1004,
      false,
      "The shop's reply does not have the documented shape; check that both sides run the"
          + " same BranchSync version."),
  /** The shop is stopping and accepts no new work. */
  SHUTTING_DOWN(1005, true, "The shop is shutting down; try again once it is back."),
  /** The shop cannot reach its own database. */
  DATABASE_UNAVAILABLE(
      1006, true, "The shop cannot reach its database; try again once the database is up."),

  /** The session id was never issued or its session has expired. */
  UNKNOWN_SESSION(
      1100,
      false,
      "The insertion session is unknown or has expired; start again with sql_prepare."),
  /** The shop already holds as many open sessions as it allows. */
  TOO_MANY_SESSIONS(
      1101,
      true,
      "The shop has too many open insertion sessions; try again when one has finished or"
          + " expired."),
  /** The session's staged chunks exceed the shop's byte limit. */
  SESSION_TOO_LARGE(
      1102,
      false,
      "The session's staged chunks exceed the shop's limit; split the data over several"
          + " sessions or raise the shop's limit."),

  /** A chunk is not gzip data, or its gzip data is corrupt or truncated. */
  CHUNK_NOT_GZIP(
      1200,
      false,
      "The chunk is not valid gzip data; send the gzip of the SQL text, not the text itself."),
  /** A chunk inflates to more bytes than the shop accepts. */
  CHUNK_TOO_LARGE(
      1201,
      false,
      "The chunk inflates beyond the shop's limit; send smaller chunks or raise the shop's"
          + " limit."),
  /** A chunk's inflated text is not valid UTF-8. */
  CHUNK_NOT_UTF8(1202, false, "The chunk's text is not valid UTF-8; encode the SQL text as UTF-8."),

  /** A statement is outside the grammar a chunk may contain. */
  SQL_SYNTAX(
      1300,
      false,
      "A statement is outside the allowed grammar (upserts and deletes by primary key, COPY"
          + " blocks, comments); the named statement was rejected and nothing was applied."),
  /** The policy set does not let this table in from this side. */
  TABLE_NOT_ALLOWED(
      1301,
      false,
      "The policy set does not let this table in from this side; check the branch's policy"
          + " set."),
  /** The database rejected a row (a constraint, a type). */
  APPLY_FAILED(
      1302,
      false,
      "The database rejected a row (constraint or type); fix the row, then retry or skip it."),
  /**
   * A till held rows the session needed and the database ended the wait (a deadlock or a lock
   * timeout) by rolling the session back rather than the till's sale.
   */
  LOCK_CONFLICT(
      1303,
      true,
      "A till held rows this session needed; the session was rolled back so the till's sale"
          + " went through. Send the changes again in a new session."),

  /** {@code clean} refused because the shop holds changes the office has not collected. */
  PENDING_CHANGES(
      1400,
      false,
      "The shop holds changes the office has not collected; sync first, or allow it in the"
          + " shop's configuration."),
  /** {@code setidstart} refused because the new start lies in or below existing rows. */
  ID_RANGE_OCCUPIED(
      1401,
      false,
      "Rows already exist at or above that id; choose an id range that holds no rows."),
  /** The {@code diff} cursor was not issued by this shop or can no longer be served. */
  BAD_CURSOR(
      1402,
      false,
      "The diff cursor is unknown to this shop; pass the last 'next' it returned, or \"\" to"
          + " start over.");

  private static final Map<Integer, FaultCode> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(f -> f.code, Function.identity()));

  private final int code;
  private final boolean retryable;
  private final String defaultMessage;

  FaultCode(int code, boolean retryable, String defaultMessage) {
    this.code = code;
    this.retryable = retryable;
    this.defaultMessage = defaultMessage;
  }

  /**
   * The stable number sent as the XML-RPC {@code faultCode}.
   *
   * @return the code, between 1000 and 1999
   */
  public int code() {
    return code;
  }

  /**
   * Whether repeating the same call unchanged, later, may succeed. False means something must
   * change first: the data, the configuration, or the sequence of calls.
   *
   * @return true for transient conditions
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * A message a person can act on, used when no more specific detail is known.
   *
   * @return the default message
   */
  public String defaultMessage() {
    return defaultMessage;
  }

  /**
   * Finds the fault code with the given number.
   *
   * @param code a number received as {@code faultCode}
   * @return the matching fault code
   * @throws IllegalArgumentException if no fault code has that number
   */
  public static FaultCode fromCode(int code) {
    return lookup(code)
        .orElseThrow(() -> new IllegalArgumentException("no fault code with number " + code));
  }

  /**
   * Finds the fault code with the given number, if any; for faults from a newer peer or from the
   * XML-RPC library itself, which uses numbers outside our range.
   *
   * @param code a number received as {@code faultCode}
   * @return the matching fault code, or empty
   */
  public static Optional<FaultCode> lookup(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }
}
