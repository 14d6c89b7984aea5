package io.branchsync.office.sync;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One sync per branch at a time, across office processes: a database session lock held on a
 * connection of its own for as long as the sync runs. A crashed process's lock goes with its
 * session.
 */
final class BranchLock implements AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;
  private final String name;

  private BranchLock(Connection connection, Dialect dialect, String name) {
    this.connection = connection;
    this.dialect = dialect;
    this.name = name;
  }

  static BranchLock acquire(DataSource dataSource, Dialect dialect, int branchId) {
    String name = "branchsync-branch-" + branchId;
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!dialect.tryLock(connection, name)) {
        connection.close();
        throw new SyncException(
            ErrorCode.BUSY,
            "branch " + branchId + " is being synced by another office process; try again later");
      }
      return new BranchLock(connection, dialect, name);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw SyncException.fromSql("locking branch " + branchId, e);
    }
  }

  @Override
  public void close() {
    try {
      dialect.unlock(connection, name);
    } catch (SQLException e) {
      // closing the session below releases the lock anyway
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to release
      }
    }
  }
}
