package io.branchsync.office.registry;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The conflict log ({@code sync_conflict}). */
public final class ConflictRepository {
  private final DataSource dataSource;

  public ConflictRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a conflict in the caller's transaction, so it lands with the sync step that saw it. */
  public void record(Connection c, Conflict conflict) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO sync_conflict (branch_id,"
        + " table_name, row_key, office_version, branch_version, resolution)"
        + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setInt(1, conflict.branchId());
      s.setString(2, conflict.table());
      s.setString(3, conflict.key());
      s.setString(4, conflict.officeVersion());
      s.setString(5, conflict.branchVersion());
      s.setString(6, conflict.resolution());
      s.executeUpdate();
    }
  }

  /** The newest conflicts first. */
  public List<Conflict> list(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, branch_id, table_name, row_key,"
            + " office_version, branch_version, resolution, detected_at FROM sync_conflict"
            + " ORDER BY id DESC")) {
      s.setMaxRows(limit);
      try (ResultSet rs = s.executeQuery()) {
        List<Conflict> conflicts = new ArrayList<>();
        while (rs.next()) {
          conflicts.add(new Conflict(rs.getLong(1), rs.getInt(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getObject(8, LocalDateTime.class)));
        }
        return conflicts;
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("listing conflicts", e);
    }
  }
}
