package io.branchsync.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The printed report: what ran where, with which sizes, the table and what failed. */
final class BenchReport {
  private BenchReport() {}

  static String markdown(
      BenchSettings settings, List<String> machine, ResultTable table, List<String> failures) {
    StringBuilder out = new StringBuilder();
    out.append("Machine:\n\n");
    machine.forEach(line -> out.append("- ").append(line).append('\n'));
    out.append("\nSizes: ").append(sizes(settings)).append("\n\n");
    out.append(table.toMarkdown());
    out.append(table.profilesToMarkdown());
    if (!failures.isEmpty()) {
      out.append("\nFailed:\n\n");
      failures.forEach(f -> out.append("- ").append(f).append('\n'));
    }
    return out.toString();
  }

  static String sizes(BenchSettings s) {
    return String.format(
        Locale.ROOT,
        "%,d products and %,d persons; %d repetitions; %,d rows per"
            + " incremental sync; %d idle syncs; %,d till and %,d batched inserts per capture run;"
            + " memory runs of %,d and %,d rows; %d fleet shops with %d sales each; dialects %s;"
            + " office %s",
        s.products(),
        s.persons(),
        s.repetitions(),
        s.incrementalRows(),
        s.idleRuns(),
        s.tillRows(),
        s.batchRows(),
        s.memorySmall(),
        s.memoryLarge(),
        s.fleetShops(),
        s.fleetSalesPerShop(),
        s.dialects().stream().map(Labels::of).collect(Collectors.joining(", ")),
        s.officeJar() == null
            ? "main class from the classpath"
            : "jar " + s.officeJar().getFileName());
  }
}
