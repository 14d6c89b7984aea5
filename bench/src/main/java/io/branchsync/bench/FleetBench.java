package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurement 6: one {@code office sync --all} run, as cron starts it, against many shops on
 * loopback, each with its own database on the shared servers, after a few sales at every shop and a
 * few catalog changes at the office that every shop must receive.
 */
final class FleetBench {
  private static final Pattern LINE =
      Pattern.compile(
          "^branch\\s+(\\d+)\\s+(ok|FAILED)\\s+pulled\\s+(\\d+)\\s+pushed\\s+(\\d+)\\s+conflicts\\s+"
              + "\\d+\\s+(\\d+) ms");
  private static final int SETUP_THREADS = 2;
  private static final int CATALOG_PRODUCTS = 2_000;
  private static final int CATALOG_PERSONS = 2_000;
  private static final int OFFICE_CHANGES = 20;
  private final BenchSettings settings;

  FleetBench(BenchSettings settings) {
    this.settings = settings;
  }

  void run(ResultTable table) throws Exception {
    List<TestDialect> dialects = settings.dialects();
    try (LocalChain chain = LocalChain.start(dialects.get(0))) {
      CatalogGenerator.load(chain.office(), 1, CATALOG_PRODUCTS, CATALOG_PERSONS, true);
      setUp(chain, dialects);
      OfficeProcess office =
          new OfficeProcess(settings.officeJar(), chain.workDir(), chain.officeEnvironment());
      Path config = chain.writeOfficeConfig(Map.of());
      TradeGenerator trade = new TradeGenerator(99, 500);
      Samples[] cold = {new Samples(), new Samples()};
      Samples[] warm = {new Samples(), new Samples()};
      for (int rep = 1; rep <= settings.repetitions(); rep++) {
        trade(chain, trade, "cli" + rep);
        OfficeProcess.Run run = office.run("256m", "sync", "--all", "--config", config.toString());
        check(run.stdout(), cold[1]);
        cold[0].add(run.seconds());
        trade(chain, trade, "warm" + rep);
        long started = System.nanoTime();
        List<SyncOutcome> outcomes =
            new FleetSync(chain.office()).sync(chain.office().branches().list());
        warm[0].add(ProvisioningBench.since(started));
        outcomes.forEach(
            o -> {
              IncrementalBench.requireOk(o);
              warm[1].add(o.millis());
            });
        Progress.say(
            "fleet %d/%d: office sync --all over %d shops took %.1f s in a new JVM, %.2f s"
                + " in a warm one",
            rep,
            settings.repetitions(),
            settings.fleetShops(),
            run.seconds(),
            warm[0].values().get(rep - 1));
      }
      report(table, dialects, cold, warm);
    }
  }

  private void report(
      ResultTable table, List<TestDialect> dialects, Samples[] cold, Samples[] warm) {
    String peer = "FleetSync in a warm office process";
    table.add(
        new ResultRow(
            "Fleet: office sync --all (a new JVM, as cron starts it) over "
                + settings.fleetShops()
                + " shops"
                + mix(dialects),
            "s",
            cold[0],
            peer,
            warm[0],
            Target.none()));
    table.add(
        new ResultRow(
            "Fleet: one branch's sync within that run ("
                + OfficeKey.SYNC_THREADS.defaultValue()
                + " at a time)",
            "ms",
            cold[1],
            peer,
            warm[1],
            Target.none()));
  }

  private String mix(List<TestDialect> dialects) {
    if (dialects.size() == 1) {
      return ", all " + Labels.of(dialects.get(0));
    }
    int first = (settings.fleetShops() + 1) / 2;
    return " ("
        + first
        + " "
        + Labels.of(dialects.get(0))
        + ", "
        + (settings.fleetShops() - first)
        + " "
        + Labels.of(dialects.get(1))
        + ")";
  }

  /** Creates, registers and provisions the shops, alternating dialects, two at a time. */
  private void setUp(LocalChain chain, List<TestDialect> dialects) throws Exception {
    Progress.say("fleet: setting up %d shops", settings.fleetShops());
    ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int branch = 1; branch <= settings.fleetShops(); branch++) {
        TestDialect dialect = dialects.get((branch - 1) % dialects.size());
        int id = branch;
        done.add(
            pool.submit(
                () -> {
                  // small pools: fifty shops share the servers' connection limits
                  ChainShop shop = chain.addShop(id, dialect, Map.of("db.pool.size", "2"));
                  new Provisioner(chain.office()).provision(chain.branch(shop.branch()), n -> {});
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Progress.say("fleet: %d shops ready", settings.fleetShops());
  }

  private void trade(LocalChain chain, TradeGenerator trade, String tag) throws SQLException {
    for (ChainShop shop : chain.shops()) {
      try (Connection c = shop.connect()) {
        trade.sell(c, shop.branch(), settings.fleetSalesPerShop());
      }
    }
    try (Connection c = chain.office().dataSource().getConnection()) {
      trade.officeWork(c, "fleet-" + tag, OFFICE_CHANGES, CATALOG_PRODUCTS, CATALOG_PERSONS);
    }
  }

  /** Checks every branch synced and moved rows, and collects their times. */
  private void check(List<String> output, Samples perBranch) {
    int branches = 0;
    for (String line : output) {
      Matcher m = LINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      if (!m.group(2).equals("ok")
          || Long.parseLong(m.group(3)) == 0
          || Long.parseLong(m.group(4)) == 0) {
        throw new IllegalStateException("fleet sync: " + line);
      }
      branches++;
      perBranch.add(Long.parseLong(m.group(5)));
    }
    if (branches != settings.fleetShops()) {
      throw new IllegalStateException(
          "fleet sync reported "
              + branches
              + " branches, expected "
              + settings.fleetShops()
              + ": "
              + output);
    }
  }
}
