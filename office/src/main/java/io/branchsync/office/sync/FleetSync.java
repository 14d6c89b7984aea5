package io.branchsync.office.sync;

import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.registry.Branch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Syncs many branches at once with a bounded pool; one failing branch does not stop the others. */
public final class FleetSync {
  private final Office office;

  public FleetSync(Office office) {
    this.office = office;
  }

  public List<SyncOutcome> sync(List<Branch> branches) {
    int threads =
        Math.min(office.config().intValue(OfficeKey.SYNC_THREADS), Math.max(1, branches.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "branchsync-sync");
              t.setDaemon(true);
              return t;
            });
    try {
      BranchSyncer syncer = new BranchSyncer(office);
      List<Future<SyncOutcome>> futures = new ArrayList<>();
      for (Branch branch : branches) {
        futures.add(pool.submit(() -> syncer.sync(branch)));
      }
      List<SyncOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        outcomes.add(await(futures.get(i), branches.get(i)));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static SyncOutcome await(Future<SyncOutcome> future, Branch branch) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SyncOutcome.failed(branch.id(), 0, "interrupted");
    } catch (ExecutionException e) {
      return SyncOutcome.failed(branch.id(), 0, String.valueOf(e.getCause()));
    }
  }
}
