package io.branchsync.office.registry;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Which branches are between erasing their shop and receiving their new sync state: an office that
 * stops in that window (killed, a lost link) leaves the mark, and the branch's next sync or
 * provision finishes the job instead of syncing against an erased shop. Kept as one {@code
 * sync_setting} row per branch, so the office schema needs no new table.
 */
public final class ProvisioningRepository {
  private static final String PREFIX = "office.provisioning.branch.";
  private final DataSource dataSource;

  public ProvisioningRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Marks a branch as being provisioned, before anything at its shop is erased. */
  public void start(int branchId) {
    try (Connection c = dataSource.getConnection()) {
      finish(c, branchId);
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO sync_setting (name, value) VALUES (?, 'started')")) {
        s.setString(1, PREFIX + branchId);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("marking branch " + branchId + " as being provisioned", e);
    }
  }

  /** Whether a provisioning of the branch started and never finished. */
  public boolean unfinished(int branchId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM sync_setting WHERE name = ?")) {
      s.setString(1, PREFIX + branchId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading branch " + branchId + "'s provisioning state", e);
    }
  }

  /** Clears the mark, in the caller's transaction (the one that records the new sync state). */
  public void finish(Connection c, int branchId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM sync_setting WHERE name = ?")) {
      s.setString(1, PREFIX + branchId);
      s.executeUpdate();
    }
  }

  /** Clears the mark when the shop refused to be erased and so is as it was. */
  public void abandon(int branchId) {
    try (Connection c = dataSource.getConnection()) {
      finish(c, branchId);
    } catch (SQLException e) {
      throw SyncException.fromSql("clearing branch " + branchId + "'s provisioning state", e);
    }
  }
}
