package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.testkit.TestDialect;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measurement 5: the office's memory while provisioning a small and a large catalog. The office
 * runs as its own process ({@code java -Xmx256m -jar branchsync-office.jar provision 1}) against a
 * shop this JVM serves, so its figures are the office's alone.
 */
final class MemoryBench {
  static final String MAX_HEAP = "256m";
  private static final double PERSON_SHARE = 0.2;
  private final BenchSettings settings;

  MemoryBench(BenchSettings settings) {
    this.settings = settings;
  }

  void run(TestDialect dialect, ResultTable table) {
    try (LocalChain chain = LocalChain.start(dialect)) {
      ChainShop shop = chain.addShop(1, dialect, Map.of());
      OfficeProcess office =
          new OfficeProcess(settings.officeJar(), chain.workDir(), chain.officeEnvironment());
      Path config = chain.writeOfficeConfig(Map.of());
      load(chain, 1, settings.memorySmall(), true);
      Samples[] small = provision(office, config, shop, settings.memorySmall());
      load(
          chain,
          settings.memorySmall() + 1,
          settings.memoryLarge() - settings.memorySmall(),
          false);
      Samples[] large = provision(office, config, shop, settings.memoryLarge());
      String rows = Labels.count(settings.memoryLarge()) + " rows";
      String peer = "same, " + Labels.count(settings.memorySmall()) + " rows";
      String office256 =
          "Office (-Xmx"
              + MAX_HEAP
              + ") provisioning "
              + rows
              + " to a "
              + Labels.of(dialect)
              + " shop";
      table.add(
          new ResultRow(
              office256 + ": peak heap in use",
              "MiB",
              large[0],
              peer,
              small[0],
              Target.below(256, "< 256 MiB")));
      long factor = settings.memoryLarge() / settings.memorySmall();
      table.add(
          new ResultRow(
              office256 + ": largest live heap after a GC",
              "MiB",
              large[1],
              peer,
              small[1],
              Target.ratioAtMost(
                  2,
                  "≤ 2 × peer (flat; growing with the table would" + " give " + factor + " ×)")));
      table.add(
          new ResultRow(
              office256 + ": peak resident size (VmHWM)",
              "MiB",
              large[2],
              peer,
              small[2],
              Target.none()));
    }
  }

  /** Catalog rows from {@code firstId}: four products to every person. */
  private static void load(LocalChain chain, long firstId, int rows, boolean withExtras) {
    int persons = (int) Math.round(rows * PERSON_SHARE);
    Progress.say("memory: loading %,d more catalog rows at the office", rows);
    CatalogGenerator.load(chain.office(), firstId, rows - persons, persons, withExtras);
  }

  /** Peak heap, live heap and peak RSS over the repetitions. */
  private Samples[] provision(OfficeProcess office, Path config, ChainShop shop, int rows) {
    Samples[] figures = {new Samples(), new Samples(), new Samples()};
    for (int rep = 1; rep <= settings.repetitions(); rep++) {
      OfficeProcess.Run run =
          office.run(
              MAX_HEAP,
              "provision",
              Integer.toString(shop.branch()),
              "--config",
              config.toString());
      figures[0].add(run.peakHeapMb());
      figures[1].add(run.liveHeapMb());
      figures[2].add(run.peakRssMb());
      Progress.say(
          "memory: provisioning %,d rows took %.1f s in the office process; heap peak"
              + " %.0f MiB, live %.0f MiB, RSS peak %.0f MiB",
          rows, run.seconds(), run.peakHeapMb(), run.liveHeapMb(), run.peakRssMb());
    }
    return figures;
  }
}
