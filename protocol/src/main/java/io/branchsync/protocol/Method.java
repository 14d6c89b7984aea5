package io.branchsync.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The XML-RPC methods a shop serves, each with its exact name on the wire.
 *
 * <p>All calls are HTTP POST to {@code /RPC2} with the branch's HTTP Basic credentials. The
 * descriptions below are the one-line contract; argument and result shapes are the records of
 * {@code io.branchsync.protocol.message}.
 */
public enum Method {
  /** No arguments; returns the shop's branch, dialect, protocol, schema version and backlog. */
  INFO(
      "info",
      "Report branch number, SQL dialect, protocol version, schema version and pending changes."),
  /** No arguments; returns {@code true}. */
  CLEAN(
      "clean", "Erase and recreate the shop's schema; refused while changes wait to be collected."),
  /** No argument, or a session token; returns the session id. */
  SQL_PREPARE(
      "sql_prepare",
      "Open an insertion session and return its id (an int > 0); with a token, repeatable."),
  /** Arguments: session id, gzip chunk; returns {@code true}. */
  SQL_CREATE(
      "sql_create",
      "Stage one gzip chunk of SQL in a session; nothing is visible until sql_finish."),
  /** Argument: session id; returns statement and row counts. */
  SQL_FINISH(
      "sql_finish",
      "Apply every staged chunk of a session in one transaction, in order; all or nothing."),
  /** Argument: the first id; returns {@code true}. */
  SET_ID_START(
      "setidstart",
      "Start the id sequences of shop-created tables at a value, never back into existing rows."),
  /** Argument: cursor; returns a batch of changes, the next cursor and whether more follow. */
  DIFF(
      "diff",
      "Return the shop's changes after a cursor; passing the returned cursor back acknowledges"
          + " them.");

  private final String wireName;
  private final String description;

  Method(String wireName, String description) {
    this.wireName = wireName;
    this.description = description;
  }

  /**
   * The method name exactly as it travels in {@code <methodName>}.
   *
   * @return the wire name, such as {@code sql_prepare}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * A one-line description for logs, help texts and documentation.
   *
   * @return what the method does
   */
  public String description() {
    return description;
  }

  /**
   * Finds the method with the given wire name.
   *
   * @param wireName a name as received in {@code <methodName>}
   * @return the method, or empty if the name is not part of the contract
   */
  public static Optional<Method> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
  }
}
