package io.branchsync.office.registry;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Rows that stopped a branch's sync ({@code sync_failed_row}), and the operator's decisions. */
public final class FailedRowRepository {
  private final DataSource dataSource;

  public FailedRowRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records (or refreshes) an open failure of one row. */
  public void recordOpen(int branchId, String direction, String table, String key, String reason) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE sync_failed_row SET reason = ?"
                  // a refusal that names no row matches the open one that names none, so a branch
                  // failing on it again and again keeps one open row, not one per run
                  + " WHERE branch_id = ? AND direction = ? AND COALESCE(table_name, '') = COALESCE(?, '')"
                  + " AND COALESCE(row_key, '') = COALESCE(?, '') AND status = 'open'")) {
        update.setString(1, reason);
        update.setInt(2, branchId);
        update.setString(3, direction);
        update.setString(4, table);
        update.setString(5, key);
        if (update.executeUpdate() > 0) {
          return;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO sync_failed_row"
                  + " (branch_id, direction, table_name, row_key, reason) VALUES (?, ?, ?, ?, ?)")) {
        insert.setInt(1, branchId);
        insert.setString(2, direction);
        insert.setString(3, table);
        insert.setString(4, key);
        insert.setString(5, reason);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("recording a failed row of branch " + branchId, e);
    }
  }

  public List<FailedRow> list(boolean onlyOpen) {
    String where = onlyOpen ? " WHERE status IN ('open', 'skip')" : "";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, branch_id, direction, table_name,"
                    + " row_key, reason, status, created_at FROM sync_failed_row"
                    + where
                    + " ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      List<FailedRow> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            new FailedRow(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDateTime.class)));
      }
      return rows;
    } catch (SQLException e) {
      throw SyncException.fromSql("listing failed rows", e);
    }
  }

  /** Marks a failure for skipping (the next sync passes over that row) or for retry. */
  public void decide(long id, boolean skip) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE sync_failed_row SET status = ? WHERE id = ? AND status IN ('open', 'skip')")) {
      s.setString(1, skip ? "skip" : "open");
      s.setLong(2, id);
      if (s.executeUpdate() != 1) {
        throw new SyncException(
            ErrorCode.BAD_POLICY, "no open failed row " + id + "; see 'office failed list'");
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("deciding on failed row " + id, e);
    }
  }

  /** Keys ({@code table + "|" + key}) the operator asked to skip for a branch and direction. */
  public Set<String> toSkip(int branchId, String direction) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT table_name, row_key FROM sync_failed_row"
                    + " WHERE branch_id = ? AND direction = ? AND status = 'skip'")) {
      s.setInt(1, branchId);
      s.setString(2, direction);
      try (ResultSet rs = s.executeQuery()) {
        Set<String> keys = new HashSet<>();
        while (rs.next()) {
          keys.add(rs.getString(1) + "|" + rs.getString(2));
        }
        return keys;
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading rows to skip", e);
    }
  }

  /**
   * After a step committed: skipped rows become 'skipped', open ones of that direction 'resolved'.
   */
  public void settle(Connection c, int branchId, String direction) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE sync_failed_row SET status ="
                + " CASE WHEN status = 'skip' THEN 'skipped' ELSE 'resolved' END"
                + " WHERE branch_id = ? AND direction = ? AND status IN ('open', 'skip')")) {
      s.setInt(1, branchId);
      s.setString(2, direction);
      s.executeUpdate();
    }
  }
}
