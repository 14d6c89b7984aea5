package io.branchsync.schema;

/**
 * The receiving database refused one row (a constraint, a type). Names the table and key so an
 * operator can fix, retry or skip exactly that row.
 */
public class RowRejectedException extends SyncException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String key;

  public RowRejectedException(String where, String table, String key, Throwable cause) {
    super(ErrorCode.APPLY_FAILED,
        where + "table " + table + " key " + key + ": " + cause.getMessage(), cause);
    this.table = table;
    this.key = key;
  }

  public String table() {
    return table;
  }

  /** The key as text, parts joined by {@code |}. */
  public String key() {
    return key;
  }

  /** The database's own reason. */
  public String reason() {
    return getCause().getMessage();
  }
}
