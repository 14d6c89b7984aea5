package io.branchsync.schema;

/**
 * The receiving database refused one row (a constraint, a type), or the row would share a unique
 * key with another row. Names the table and key so an operator can fix, retry or skip exactly that
 * row, and the other row's key when another row is in the way.
 */
public class RowRejectedException extends SyncException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String key;
  private final String otherKey;
  private final String reason;

  public RowRejectedException(String where, String table, String key, Throwable cause) {
    super(
        ErrorCode.APPLY_FAILED,
        where + "table " + table + " key " + key + ": " + cause.getMessage(),
        cause);
    this.table = table;
    this.key = key;
    this.otherKey = null;
    this.reason = cause.getMessage();
  }

  /** A row that cannot be applied because the row with {@code otherKey} holds one of its values. */
  public RowRejectedException(
      String where, String table, String key, String otherKey, String reason) {
    super(ErrorCode.APPLY_FAILED, where + "table " + table + " key " + key + ": " + reason);
    this.table = table;
    this.key = key;
    this.otherKey = otherKey;
    this.reason = reason;
  }

  public String table() {
    return table;
  }

  /** The key as text, parts joined by {@code |}. */
  public String key() {
    return key;
  }

  /** The key of the row in the way, parts joined by {@code |}; null when no other row is named. */
  public String otherKey() {
    return otherKey;
  }

  /** The reason: the database's own, or which unique key another row holds. */
  public String reason() {
    return reason;
  }
}
