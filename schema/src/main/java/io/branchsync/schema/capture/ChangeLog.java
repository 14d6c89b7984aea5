package io.branchsync.schema.capture;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Bookkeeping on the change log: what is pending, and purging what the other side acknowledged. */
public final class ChangeLog {
  private ChangeLog() {}

  /** Change-log rows not yet purged (at a shop: changes the office has not acknowledged). */
  public static long pending(Connection connection) {
    return count(connection, "SELECT COUNT(*) FROM sync_change", 0);
  }

  /**
   * Change-log rows after the cursor or not yet ordered: what a reader at {@code seq} has not seen.
   */
  public static long pendingAfter(Connection connection, long seq) {
    return count(connection, "SELECT COUNT(*) FROM sync_change WHERE seq IS NULL OR seq > ?", seq);
  }

  /**
   * Deletes the rows up to and including {@code seq}. Only stamped rows at or below the cursor go:
   * a change made while the sync ran has no stamp or a higher one, so it is never purged unsent.
   */
  public static int purgeUpTo(Connection connection, long seq) {
    try (PreparedStatement s =
        connection.prepareStatement("DELETE FROM sync_change WHERE seq <= ?")) {
      s.setLong(1, seq);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw SyncException.fromSql("purging acknowledged changes", e);
    }
  }

  private static long count(Connection connection, String sql, long seq) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      if (sql.contains("?")) {
        s.setLong(1, seq);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("counting pending changes", e);
    }
  }
}
