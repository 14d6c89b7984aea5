package io.branchsync.office.sync;

import io.branchsync.office.client.ShopClient;
import io.branchsync.office.registry.Branch;
import io.branchsync.protocol.message.InfoResult;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.ChangeLog;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Syncs one branch: pull its changes, push the office's, record the run. */
public final class BranchSyncer {
  private static final Logger LOG = LoggerFactory.getLogger(BranchSyncer.class);
  private final Office office;

  public BranchSyncer(Office office) {
    this.office = office;
  }

  /** Never throws for a failing branch: the failure is recorded and returned. */
  public SyncOutcome sync(Branch branch) {
    long started = System.nanoTime();
    MDC.put("branch", Integer.toString(branch.id()));
    try (BranchLock lock = BranchLock.acquire(office.dataSource(), office.dialect(), branch.id())) {
      if (office.provisioning().unfinished(branch.id())) {
        // the shop may be erased with nothing sent yet: a plain sync would leave it so
        LOG.warn("branch {}: a provisioning did not finish; finishing it now", branch.id());
        new Provisioner(office).provisionLocked(branch, rows -> {});
      } else if (office.states().find(branch.id()).isEmpty()) {
        throw new SyncException(
            ErrorCode.BAD_POLICY,
            "branch "
                + branch.id()
                + " was never provisioned; run 'office provision "
                + branch.id()
                + "' first");
      }
      PolicySet policies = office.policySet(branch.policySet());
      ShopClient client = office.client(branch);
      InfoResult info = client.infoOfBranch(branch.id());
      SqlDialect dialect = SqlDialect.fromWire(info.dialect());
      PullResult pulled = new Puller(office).pull(branch, client, dialect, policies);
      Map<String, Long> pushed = new Pusher(office).push(branch, client, dialect, policies);
      long pushedRows = pushed.values().stream().mapToLong(Long::longValue).sum();
      purgeOfficeLog();
      long millis = (System.nanoTime() - started) / 1_000_000;
      office.states().recordRun(branch.id(), millis, pulled.rows(), pushedRows, pulled.conflicts());
      LOG.info(
          "branch {}: pulled {} rows, pushed {} rows, {} conflicts, {} ms",
          branch.id(),
          pulled.rows(),
          pushedRows,
          pulled.conflicts(),
          millis);
      return new SyncOutcome(
          branch.id(), pulled.rowsByTable(), pushed, pulled.conflicts(), millis, null, false);
    } catch (RuntimeException e) {
      long millis = (System.nanoTime() - started) / 1_000_000;
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (e instanceof SyncException s && s.code() == ErrorCode.BUSY) {
        // an overlapping run: the one holding the branch does the work, nothing failed
        LOG.info("branch {}: skipped, {}", branch.id(), message);
        return SyncOutcome.skippedBusy(branch.id(), millis, message);
      }
      LOG.error("branch {}: sync failed: {}", branch.id(), message);
      recordError(branch, message);
      return SyncOutcome.failed(branch.id(), millis, message);
    } finally {
      MDC.remove("branch");
    }
  }

  private void recordError(Branch branch, String message) {
    try {
      office.states().recordError(branch.id(), message);
    } catch (RuntimeException e) {
      LOG.error("branch {}: could not record the error: {}", branch.id(), e.getMessage());
    }
  }

  /** Office changes every branch has received are no longer needed. */
  private void purgeOfficeLog() {
    long reachedAll = office.states().lowestPushCursor();
    if (reachedAll > 0) {
      try (Connection c = office.dataSource().getConnection()) {
        ChangeLog.purgeUpTo(c, reachedAll);
      } catch (SQLException e) {
        throw SyncException.fromSql("purging the office change log", e);
      }
    }
  }
}
