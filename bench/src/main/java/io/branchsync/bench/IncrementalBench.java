package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Measurement 2: rows changed at both ends since the last sync (sales made at the shop's till,
 * catalog work at the office), synced end to end by one {@link BranchSyncer} run: pull, conflict
 * check, apply at the office, push, apply at the shop.
 */
final class IncrementalBench {
  private final BenchSettings settings;

  IncrementalBench(BenchSettings settings) {
    this.settings = settings;
  }

  void run(
      TestDialect dialect,
      LocalChain chain,
      ChainShop shop,
      ProvisioningBench.Reload reload,
      ResultTable table)
      throws SQLException {
    Branch branch = chain.branch(shop.branch());
    requireOk(new BranchSyncer(chain.office()).sync(branch));
    TradeGenerator trade = new TradeGenerator(dialect.ordinal() + 7L, referenced());
    int sales = Math.max(1, settings.incrementalRows() / 2 / TradeGenerator.ROWS_PER_SALE);
    int officeRows = settings.incrementalRows() - sales * TradeGenerator.ROWS_PER_SALE;
    Samples seconds = new Samples();
    Samples rate = new Samples();
    for (int rep = 1; rep <= settings.repetitions(); rep++) {
      try (Connection c = shop.connect()) {
        trade.sell(c, shop.branch(), sales);
      }
      try (Connection c = chain.office().dataSource().getConnection()) {
        trade.officeWork(
            c, dialect.ordinal() + "r" + rep, officeRows, settings.products(), settings.persons());
      }
      long started = System.nanoTime();
      SyncOutcome outcome = new BranchSyncer(chain.office()).sync(branch);
      double took = ProvisioningBench.since(started);
      requireOk(outcome);
      seconds.add(took);
      rate.add((outcome.pulled() + outcome.pushed()) / took);
      Progress.say(
          "incremental %s %d/%d: pulled %d, pushed %d rows in %.3f s",
          Labels.of(dialect),
          rep,
          settings.repetitions(),
          outcome.pulled(),
          outcome.pushed(),
          took);
    }
    report(dialect, reload, seconds, rate, table);
  }

  private void report(
      TestDialect dialect,
      ProvisioningBench.Reload reload,
      Samples seconds,
      Samples rate,
      ResultTable table) {
    String name =
        "Incremental sync: "
            + Labels.count(settings.incrementalRows())
            + " changed rows both ways, "
            + Labels.of(dialect);
    String peer = "reloading the catalog with " + DumpRestore.describe(dialect);
    table.add(
        new ResultRow(
            name,
            "s",
            seconds,
            peer,
            reload == null ? null : reload.seconds(),
            Target.below(2, "< 2 s")));
    table.add(
        new ResultRow(
            name + ", throughput",
            "rows/s",
            rate,
            DumpRestore.describe(dialect),
            reload == null ? null : reload.rowsPerSecond(),
            Target.none()));
  }

  /** Sales point at the first rows of the catalog; the office deletes only above them. */
  int referenced() {
    return Math.min(1_000, Math.min(settings.products(), settings.persons()) / 4);
  }

  static void requireOk(SyncOutcome outcome) {
    if (!outcome.ok()) {
      throw new IllegalStateException(
          "branch " + outcome.branchId() + " failed to sync: " + outcome.error());
    }
  }
}
