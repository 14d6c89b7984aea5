package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.testkit.TestDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the chosen measurements one after another, each on databases of its own that it drops when
 * done, and collects their rows. A measurement that fails is reported and the others still run.
 */
public final class BenchRunner {
  private final BenchSettings settings;
  private final List<String> failures = new ArrayList<>();

  public BenchRunner(BenchSettings settings) {
    this.settings = settings;
  }

  /** Runs everything; the table holds a row for every figure that could be measured. */
  public ResultTable run() {
    ResultTable table = new ResultTable();
    Path runDir = TempFiles.createRunDirectory();
    try {
      for (TestDialect dialect : settings.dialects()) {
        if (settings.measures(Measurement.PROVISIONING)
            || settings.measures(Measurement.INCREMENTAL)
            || settings.measures(Measurement.IDLE)) {
          attempt(
              "sync measurements on " + Labels.of(dialect), () -> syncMeasurements(dialect, table));
        }
        if (settings.measures(Measurement.CAPTURE)) {
          attempt(
              "capture on " + Labels.of(dialect),
              () -> new CaptureBench(settings, runDir).run(dialect, table));
        }
      }
      if (settings.measures(Measurement.MEMORY)) {
        attempt("memory", () -> new MemoryBench(settings).run(settings.dialects().get(0), table));
      }
      if (settings.measures(Measurement.FLEET)) {
        attempt("fleet", () -> new FleetBench(settings).run(table));
      }
    } finally {
      TempFiles.deleteTree(runDir);
    }
    return table;
  }

  /** What failed, one line each; empty when every measurement ran. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** Provisioning, incremental and idle syncs share one office, one shop and one catalog. */
  private void syncMeasurements(TestDialect dialect, ResultTable table) throws Exception {
    try (LocalChain chain = LocalChain.start(dialect)) {
      Progress.say(
          "%s: loading %,d products and %,d persons at the office",
          Labels.of(dialect), settings.products(), settings.persons());
      CatalogGenerator.load(chain.office(), 1, settings.products(), settings.persons(), true);
      ChainShop shop = chain.addShop(1, dialect, Map.of());
      ProvisioningBench.Reload reload = null;
      if (settings.measures(Measurement.PROVISIONING)) {
        reload = new ProvisioningBench(settings, chain.workDir()).run(dialect, chain, shop, table);
      } else {
        new Provisioner(chain.office()).provision(chain.branch(shop.branch()), n -> {});
      }
      if (settings.measures(Measurement.INCREMENTAL)) {
        new IncrementalBench(settings).run(dialect, chain, shop, reload, table);
      }
      if (settings.measures(Measurement.IDLE)) {
        new IdleSyncBench(settings).run(dialect, chain, shop, table);
      }
    }
  }

  private void attempt(String what, Step step) {
    try {
      step.run();
    } catch (Exception | AssertionError e) {
      failures.add(what + ": " + e);
      Progress.say("FAILED %s: %s", what, e);
      e.printStackTrace();
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }
}
