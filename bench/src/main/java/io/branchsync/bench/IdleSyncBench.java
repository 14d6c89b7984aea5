package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.office.client.ShopClient;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;

/**
 * Measurement 3: a sync with nothing to move, the common case of a cron job every few minutes,
 * beside the least any sync must do: one authenticated XML-RPC {@code info} call.
 */
final class IdleSyncBench {
  private final BenchSettings settings;

  IdleSyncBench(BenchSettings settings) {
    this.settings = settings;
  }

  void run(TestDialect dialect, LocalChain chain, ChainShop shop, ResultTable table) {
    Branch branch = chain.branch(shop.branch());
    BranchSyncer syncer = new BranchSyncer(chain.office());
    // settle: whatever an earlier measurement left moves now, and the connections are warm
    for (int i = 0; i < 3; i++) {
      IncrementalBench.requireOk(syncer.sync(branch));
    }
    Samples idle = new Samples();
    for (int i = 0; i < settings.idleRuns(); i++) {
      long started = System.nanoTime();
      SyncOutcome outcome = syncer.sync(branch);
      idle.add(ProvisioningBench.since(started) * 1000);
      IncrementalBench.requireOk(outcome);
      if (outcome.pulled() + outcome.pushed() != 0) {
        throw new IllegalStateException("an idle sync moved rows: " + outcome);
      }
    }
    ShopClient client = chain.office().client(branch);
    Samples info = new Samples();
    for (int i = 0; i < settings.idleRuns(); i++) {
      long started = System.nanoTime();
      client.info();
      info.add(ProvisioningBench.since(started) * 1000);
    }
    Progress.say(
        "idle sync %s: median %.1f ms over %d runs; info call %.1f ms",
        Labels.of(dialect), idle.median(), idle.size(), info.median());
    table.add(
        new ResultRow(
            "Idle sync (nothing changed), " + Labels.of(dialect) + " office and" + " shop",
            "ms",
            idle,
            "one XML-RPC info call",
            info,
            Target.below(20, "< 20 ms")));
  }
}
