package io.branchsync.schema;

import java.sql.SQLException;

/**
 * The one unchecked root of BranchSync errors. Carries an {@link ErrorCode} and, when a database
 * raised it, the SQLSTATE so callers can tell a lost connection (class 08) from a bad row.
 */
public class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final String sqlState;

  public SyncException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public SyncException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
  }

  /**
   * Wraps a database error, keeping its SQLSTATE: a lost connection becomes DATABASE_UNAVAILABLE, a
   * deadlock or lock timeout LOCK_CONFLICT (the work is rolled back and may simply run again),
   * anything else INTERNAL.
   */
  public static SyncException fromSql(String what, SQLException e) {
    String state = e.getSQLState();
    ErrorCode code =
        state != null && state.startsWith("08")
            ? ErrorCode.DATABASE_UNAVAILABLE
            : LockConflicts.isLockConflict(e) ? ErrorCode.LOCK_CONFLICT : ErrorCode.INTERNAL;
    return new SyncException(code, what + ": " + e.getMessage(), e);
  }

  public ErrorCode code() {
    return code;
  }

  /** The SQLSTATE of the database error behind this one, or null. */
  public String sqlState() {
    return sqlState;
  }
}
