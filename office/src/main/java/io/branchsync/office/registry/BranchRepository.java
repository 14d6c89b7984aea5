package io.branchsync.office.registry;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.idrange.IdRange;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The branch registry in the office database ({@code sync_branch}). */
public final class BranchRepository {
  private static final String COLUMNS =
      "branch_id, name, url, credentials_ref, policy_set, id_range_start, id_range_end";
  private final DataSource dataSource;

  public BranchRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Registers a branch. Refuses a number or name in use and an ID range that overlaps the office's
   * or another branch's.
   */
  public void add(Branch branch) {
    if (branch.id() < 1) {
      throw new SyncException(
          ErrorCode.BAD_POLICY,
          "branch " + branch.id() + ": branches are numbered from 1 (0 is the office)");
    }
    IdRange office = IdRange.forBranch(0, branch.idRange().size());
    if (branch.idRange().overlaps(office)) {
      throw new SyncException(
          ErrorCode.ID_RANGE_OCCUPIED,
          "ID range " + branch.idRange() + " overlaps the office's range " + office);
    }
    for (Branch other : list()) {
      if (other.id() == branch.id()) {
        throw new SyncException(
            ErrorCode.BAD_POLICY,
            "branch " + other.id() + " (" + other.name() + ") is already registered");
      }
      if (other.name().equals(branch.name())) {
        throw new SyncException(
            ErrorCode.BAD_POLICY,
            "the name " + branch.name() + " is already that of branch " + other.id());
      }
      if (other.idRange().overlaps(branch.idRange())) {
        throw new SyncException(
            ErrorCode.ID_RANGE_OCCUPIED,
            "ID range "
                + branch.idRange()
                + " overlaps branch "
                + other.id()
                + "'s range "
                + other.idRange());
      }
    }
    if (!Branch.isReference(branch.credentialsRef())) {
      // what was typed may be the secret itself: it is neither stored nor repeated
      throw new SyncException(
          ErrorCode.AUTH_FAILED,
          "branch "
              + branch.id()
              + ": --credentials"
              + " says where the branch secret is, env:VARIABLE or file:PATH, and is never the secret"
              + " itself; the value given was not stored");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO sync_branch (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setInt(1, branch.id());
      s.setString(2, branch.name());
      s.setString(3, branch.url().toString());
      s.setString(4, branch.credentialsRef());
      s.setString(5, branch.policySet());
      s.setLong(6, branch.idRange().first());
      s.setLong(7, branch.idRange().last());
      s.executeUpdate();
    } catch (SQLException e) {
      throw SyncException.fromSql("registering branch " + branch.id(), e);
    }
  }

  public List<Branch> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM sync_branch ORDER BY branch_id");
        ResultSet rs = s.executeQuery()) {
      List<Branch> branches = new ArrayList<>();
      while (rs.next()) {
        branches.add(
            new Branch(
                rs.getInt(1),
                rs.getString(2),
                URI.create(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                new IdRange(rs.getLong(6), rs.getLong(7))));
      }
      return branches;
    } catch (SQLException e) {
      throw SyncException.fromSql("listing branches", e);
    }
  }

  public Optional<Branch> find(int id) {
    return list().stream().filter(b -> b.id() == id).findFirst();
  }

  public Branch require(int id) {
    return find(id)
        .orElseThrow(
            () ->
                new SyncException(
                    ErrorCode.BAD_POLICY,
                    "no branch " + id + " is registered; see 'office branch list'"));
  }

  /** Removes a branch and its sync state; its rows already at the office stay. */
  public boolean remove(int id) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement state =
              c.prepareStatement("DELETE FROM branch_synchronization WHERE branch_id = ?");
          PreparedStatement branch =
              c.prepareStatement("DELETE FROM sync_branch WHERE branch_id = ?")) {
        state.setInt(1, id);
        state.executeUpdate();
        branch.setInt(1, id);
        boolean removed = branch.executeUpdate() == 1;
        c.commit();
        return removed;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("removing branch " + id, e);
    }
  }
}
