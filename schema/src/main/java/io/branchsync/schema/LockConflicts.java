package io.branchsync.schema;

import java.sql.SQLException;

/**
 * Tells the database errors that mean an apply met a till's locks and was made to give way (a
 * deadlock the database broke by rolling the apply back, or a lock wait that timed out) from errors
 * about the rows themselves. Such an apply is sent again; the rows are not at fault.
 */
final class LockConflicts {
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DEADLOCK = 1213;
  private static final int MYSQL_LOCK_NOWAIT = 3572;

  private LockConflicts() {}

  static boolean isLockConflict(SQLException e) {
    String state = e.getSQLState();
    return "40P01".equals(state) // PostgreSQL deadlock_detected
        || "55P03".equals(state) // PostgreSQL lock_not_available
        || e.getErrorCode() == MYSQL_DEADLOCK
        || e.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
        || e.getErrorCode() == MYSQL_LOCK_NOWAIT;
  }
}
