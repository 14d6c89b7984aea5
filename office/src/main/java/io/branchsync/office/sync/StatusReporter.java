package io.branchsync.office.sync;

import io.branchsync.office.registry.Branch;
import io.branchsync.office.registry.ConflictRepository.ConflictCount;
import io.branchsync.office.registry.SyncState;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.ChangeLog;
import io.branchsync.schema.idrange.IdRangeAssigner;
import io.branchsync.schema.policy.Policy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds each branch's status from the office database, and asks shops when told to. */
public final class StatusReporter {
  private final Office office;

  public StatusReporter(Office office) {
    this.office = office;
  }

  public List<BranchStatus> report(boolean askShops) {
    List<BranchStatus> report = new ArrayList<>();
    try (Connection c = office.dataSource().getConnection()) {
      LocalDateTime now = databaseNow(c);
      for (Branch branch : office.branches().list()) {
        report.add(status(c, branch, now, askShops));
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading status", e);
    }
    return report;
  }

  private BranchStatus status(Connection c, Branch branch, LocalDateTime now, boolean askShops) {
    Optional<SyncState> state = office.states().find(branch.id());
    long officePending = state.map(s -> ChangeLog.pendingAfter(c, s.pushCursor())).orElse(-1L);
    LocalDateTime last = state.map(SyncState::lastSyncAt).orElse(null);
    Long lag = last == null ? null : Duration.between(last, now).toSeconds();
    ConflictCount conflicts = conflictCount(c, branch);
    return new BranchStatus(
        branch.id(),
        branch.name(),
        last,
        state.map(SyncState::lastDurationMs).orElse(null),
        state.map(SyncState::rowsPulled).orElse(null),
        state.map(SyncState::rowsPushed).orElse(null),
        officePending,
        askShops ? shopPending(branch) : -1,
        lag,
        rangeUse(c, branch),
        conflicts.all(),
        conflicts.keyCollisions(),
        state.map(SyncState::lastError).orElse(state.isEmpty() ? "not provisioned yet" : null));
  }

  private ConflictCount conflictCount(Connection c, Branch branch) {
    try {
      return office.conflicts().count(c, branch.id(), KeyCollisionGuard.RESOLUTION);
    } catch (SQLException e) {
      throw SyncException.fromSql("counting branch " + branch.id() + "'s conflicts", e);
    }
  }

  private long shopPending(Branch branch) {
    try {
      return office.client(branch).info().pending();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private double rangeUse(Connection c, Branch branch) {
    IdRangeAssigner ranges = new IdRangeAssigner(office.dialect());
    double fullest = 0;
    for (String table : office.policySet(branch.policySet()).tables(Policy::needsIdRange)) {
      long used =
          ranges.highestUsed(c, office.catalog(), table, branch.idRange())
              - branch.idRange().first()
              + 1;
      fullest = Math.max(fullest, used * 100.0 / branch.idRange().size());
    }
    return fullest;
  }

  private static LocalDateTime databaseNow(Connection c) throws SQLException {
    // Time comes from the database clock, like every timestamp the sync records.
    try (PreparedStatement s = c.prepareStatement("SELECT CURRENT_TIMESTAMP");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1).toLocalDateTime();
    }
  }
}
