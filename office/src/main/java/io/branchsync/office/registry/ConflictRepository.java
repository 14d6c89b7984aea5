package io.branchsync.office.registry;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** The conflict log ({@code sync_conflict}). */
public final class ConflictRepository {
  private static final int KEYS_PER_QUERY = 500;
  private final DataSource dataSource;

  public ConflictRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a conflict in the caller's transaction, so it lands with the sync step that saw it. */
  public void record(Connection c, Conflict conflict) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO sync_conflict (branch_id,"
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

  /**
   * Which of {@code keys} of a table were recorded for a branch with {@code resolution}, seen from
   * the caller's transaction (so rows recorded earlier in it count).
   */
  public Set<String> recordedKeys(
      Connection c, int branchId, String table, String resolution, Collection<String> keys)
      throws SQLException {
    Set<String> recorded = new HashSet<>();
    List<String> all = List.copyOf(new HashSet<>(keys));
    for (int from = 0; from < all.size(); from += KEYS_PER_QUERY) {
      List<String> some = all.subList(from, Math.min(all.size(), from + KEYS_PER_QUERY));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT DISTINCT row_key FROM sync_conflict"
                  + " WHERE branch_id = ? AND table_name = ? AND resolution = ? AND row_key IN ("
                  + String.join(", ", Collections.nCopies(some.size(), "?"))
                  + ")")) {
        s.setInt(1, branchId);
        s.setString(2, table);
        s.setString(3, resolution);
        for (int i = 0; i < some.size(); i++) {
          s.setString(4 + i, some.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            recorded.add(rs.getString(1));
          }
        }
      }
    }
    return recorded;
  }

  /**
   * How many conflicts were recorded for a branch, and how many of them were key collisions.
   *
   * @param collisionResolution the resolution key collisions are recorded with
   */
  public ConflictCount count(Connection c, int branchId, String collisionResolution)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*),"
                + " COALESCE(SUM(CASE WHEN resolution = ? THEN 1 ELSE 0 END), 0)"
                + " FROM sync_conflict WHERE branch_id = ?")) {
      s.setString(1, collisionResolution);
      s.setInt(2, branchId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new ConflictCount(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  /** Conflicts recorded for one branch: all of them, and those that were key collisions. */
  public record ConflictCount(long all, long keyCollisions) {}

  /** The newest conflicts first. */
  public List<Conflict> list(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, branch_id, table_name, row_key,"
                    + " office_version, branch_version, resolution, detected_at FROM sync_conflict"
                    + " ORDER BY id DESC")) {
      s.setMaxRows(limit);
      try (ResultSet rs = s.executeQuery()) {
        List<Conflict> conflicts = new ArrayList<>();
        while (rs.next()) {
          conflicts.add(
              new Conflict(
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getObject(8, LocalDateTime.class)));
        }
        return conflicts;
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("listing conflicts", e);
    }
  }
}
