package io.branchsync.office.registry;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code branch_synchronization}: per branch the policy set, the cursors each way and the record of
 * the last run. Cursors are written in the same transaction as the data they cover.
 */
public final class SyncStateRepository {
  private final DataSource dataSource;

  public SyncStateRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<SyncState> find(int branchId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT branch_id, policy, last_sync_at,"
                    + " provisioned_at, pull_cursor, push_cursor, last_duration_ms, rows_pulled,"
                    + " rows_pushed, conflicts, last_error, last_error_at"
                    + " FROM branch_synchronization WHERE branch_id = ?")) {
      s.setInt(1, branchId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SyncState(
                rs.getInt(1),
                rs.getString(2),
                rs.getObject(3, LocalDateTime.class),
                rs.getObject(4, LocalDateTime.class),
                rs.getString(5),
                rs.getLong(6),
                longOrNull(rs, 7),
                longOrNull(rs, 8),
                longOrNull(rs, 9),
                longOrNull(rs, 10),
                rs.getString(11),
                rs.getObject(12, LocalDateTime.class)));
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading sync state of branch " + branchId, e);
    }
  }

  /**
   * Starts a branch afresh after provisioning: the shop's log is empty, office changes from {@code
   * pushCursor}.
   */
  public void provisioned(Connection c, int branchId, String policy, long pushCursor)
      throws SQLException {
    try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM branch_synchronization WHERE branch_id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO branch_synchronization"
                    + " (branch_id, policy, provisioned_at, pull_cursor, push_cursor)"
                    + " VALUES (?, ?, CURRENT_TIMESTAMP, '', ?)")) {
      delete.setInt(1, branchId);
      delete.executeUpdate();
      insert.setInt(1, branchId);
      insert.setString(2, policy);
      insert.setLong(3, pushCursor);
      insert.executeUpdate();
    }
  }

  /** Forgets a branch's sync state: it is not provisioned. */
  public void remove(int branchId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM branch_synchronization WHERE branch_id = ?")) {
      s.setInt(1, branchId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw SyncException.fromSql("removing branch " + branchId + "'s sync state", e);
    }
  }

  public void savePullCursor(Connection c, int branchId, String cursor) throws SQLException {
    update(
        c,
        "UPDATE branch_synchronization SET pull_cursor = ? WHERE branch_id = ?",
        cursor,
        branchId);
  }

  public void savePushCursor(Connection c, int branchId, long seq) throws SQLException {
    update(
        c, "UPDATE branch_synchronization SET push_cursor = ? WHERE branch_id = ?", seq, branchId);
  }

  /** Records a finished run and clears the last error. */
  public void recordRun(int branchId, long durationMs, long pulled, long pushed, long conflicts) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE branch_synchronization SET"
                    + " last_sync_at = CURRENT_TIMESTAMP, last_duration_ms = ?, rows_pulled = ?,"
                    + " rows_pushed = ?, conflicts = ?, last_error = NULL, last_error_at = NULL"
                    + " WHERE branch_id = ?")) {
      s.setLong(1, durationMs);
      s.setLong(2, pulled);
      s.setLong(3, pushed);
      s.setLong(4, conflicts);
      s.setInt(5, branchId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw SyncException.fromSql("recording the run of branch " + branchId, e);
    }
  }

  /** Records why a run failed; the cursors stay where the last committed step left them. */
  public void recordError(int branchId, String message) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE branch_synchronization SET"
                    + " last_error = ?, last_error_at = CURRENT_TIMESTAMP WHERE branch_id = ?")) {
      s.setString(1, message);
      s.setInt(2, branchId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw SyncException.fromSql("recording the error of branch " + branchId, e);
    }
  }

  /** The lowest push cursor over all branches: office changes up to it reached every branch. */
  public long lowestPushCursor() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT MIN(push_cursor) FROM branch_synchronization");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw SyncException.fromSql("reading push cursors", e);
    }
  }

  private static void update(Connection c, String sql, Object value, int branchId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (value instanceof Long l) {
        s.setLong(1, l);
      } else if (value == null) {
        s.setNull(1, Types.VARCHAR);
      } else {
        s.setString(1, value.toString());
      }
      s.setInt(2, branchId);
      if (s.executeUpdate() != 1) {
        throw new SQLException("branch " + branchId + " has no sync state; provision it first");
      }
    }
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
