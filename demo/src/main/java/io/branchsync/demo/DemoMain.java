package io.branchsync.demo;

import io.branchsync.office.registry.Conflict;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.ProvisionResult;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.policy.PolicySet;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;

/**
 * The embedded demo: an office on PostgreSQL and two shops (PostgreSQL and MariaDB), each shop
 * serving XML-RPC on loopback with its own secret; provisions both, trades for several rounds,
 * syncs after each, and checks that every copy agrees. Exit code 0 only if everything converged.
 */
public final class DemoMain {
  private static final int ROUNDS = 4;
  private static final int SALES_PER_SHOP = 25;
  private final PrintStream out;

  private DemoMain(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new DemoMain(System.out).run());
  }

  int run() {
    long started = System.nanoTime();
    out.println("BranchSync demo: a head office and two shops, syncing over XML-RPC on loopback");
    LocalChain chain;
    try {
      out.println(
          "starting databases: "
              + TestDatabases.describe(TestDialect.POSTGRESQL)
              + "; "
              + TestDatabases.describe(TestDialect.MARIADB));
      chain = LocalChain.start(TestDialect.POSTGRESQL);
    } catch (RuntimeException e) {
      out.println("FAILED: a database could not be started: " + e.getMessage());
      return 2;
    }
    try (chain) {
      return play(chain, started);
    } catch (Exception e) {
      out.println("FAILED: " + e);
      return 1;
    }
  }

  private int play(LocalChain chain, long started) throws Exception {
    chain.addShop(1, TestDialect.POSTGRESQL);
    chain.addShop(2, TestDialect.MARIADB);
    for (ChainShop shop : chain.shops()) {
      out.printf(
          "shop %d: %s database, XML-RPC at %s%n",
          shop.branch(), shop.dialect().sqlDialect().wireName(), shop.server().url());
    }
    DemoTrading trading = new DemoTrading(chain, 20261126L);
    trading.seedOffice(500, 100);
    Provisioner provisioner = new Provisioner(chain.office());
    for (ChainShop shop : chain.shops()) {
      ProvisionResult r =
          provisioner.provision(chain.office().branches().require(shop.branch()), rows -> {});
      out.printf(
          "provisioned shop %d: %d rows in %d chunks, IDs from %d, %d ms%n",
          shop.branch(), r.rowsSent(), r.chunks(), r.idStart(), r.millis());
    }
    FleetSync fleet = new FleetSync(chain.office());
    long conflictsSeen = 0;
    for (int round = 1; round <= ROUNDS + 1; round++) {
      boolean settle = round > ROUNDS;
      out.println();
      out.println(
          settle
              ? "final sync (lets the last round's changes reach every shop)"
              : "round " + round + ": " + trading.trade(round, SALES_PER_SHOP));
      List<SyncOutcome> outcomes = fleet.sync(chain.office().branches().list());
      printOutcomes(outcomes);
      conflictsSeen = printConflicts(chain, conflictsSeen);
      if (outcomes.stream().anyMatch(o -> !o.ok())) {
        out.println("FAILED: a branch did not sync");
        return 1;
      }
    }
    return check(chain, started);
  }

  private void printOutcomes(List<SyncOutcome> outcomes) {
    for (SyncOutcome o : outcomes) {
      out.printf(
          "  shop %d: %s in %d ms, %d conflicts%n",
          o.branchId(),
          o.ok() ? "synced" : "FAILED (" + o.error() + ")",
          o.millis(),
          o.conflicts());
      TreeSet<String> tables = new TreeSet<>(o.pulledByTable().keySet());
      tables.addAll(o.pushedByTable().keySet());
      for (String table : tables) {
        out.printf(
            "    %-10s shop->office %5d   office->shop %5d%n",
            table,
            o.pulledByTable().getOrDefault(table, 0L),
            o.pushedByTable().getOrDefault(table, 0L));
      }
    }
  }

  private long printConflicts(LocalChain chain, long seen) {
    List<Conflict> conflicts = chain.office().conflicts().list(1000);
    long newest = seen;
    for (Conflict c : conflicts) {
      if (c.id() > seen) {
        out.printf(
            "  conflict: %s %s at shop %d resolved %s%n    office kept: %s%n"
                + "    shop sent:   %s%n",
            c.table(), c.key(), c.branchId(), c.resolution(), c.officeVersion(), c.branchVersion());
        newest = Math.max(newest, c.id());
      }
    }
    return newest;
  }

  private int check(LocalChain chain, long started) throws Exception {
    PolicySet policies = PolicySetLoader.load("retail");
    List<String> differences = new ConvergenceCheck(chain, policies).differences();
    double seconds = (System.nanoTime() - started) / 1e9;
    out.println();
    if (differences.isEmpty()) {
      out.printf(
          "CONVERGED: %d tables agree across the office and %d shops (%.1f s)%n",
          policies.policies().size(), chain.shops().size(), seconds);
      return 0;
    }
    out.println("NOT CONVERGED:");
    differences.forEach(d -> out.println("  " + d));
    return 1;
  }
}
