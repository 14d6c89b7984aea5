package io.branchsync.office.cli;

import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.sync.BranchStatus;
import io.branchsync.office.sync.Office;
import io.branchsync.office.sync.StatusReporter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code office status}: per branch the last sync, rows, pending, lag, ID range and last error. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show each branch's last sync, rows moved, pending changes, lag, ID-range use"
            + " and last error.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--live", description = "also ask each shop how many changes it holds")
  boolean live;

  @Override
  public Integer call() throws Exception {
    try (Office office = config.open()) {
      int warn = office.config().intValue(OfficeKey.RANGE_WARN_PERCENT);
      System.out.printf(
          "%-6s %-16s %-26s %8s %8s %8s %8s %8s %8s %7s %9s  %s%n",
          "BRANCH",
          "NAME",
          "LAST SYNC",
          "MS",
          "PULLED",
          "PUSHED",
          "OFF.PEND",
          "SHOP.PEN",
          "LAG S",
          "RANGE%",
          "CONFLICTS",
          "LAST ERROR");
      for (BranchStatus s : new StatusReporter(office).report(live)) {
        System.out.printf(
            "%-6d %-16s %-26s %8s %8s %8s %8d %8s %8s %6.2f%s %9d  %s%n",
            s.branchId(),
            s.name(),
            s.lastSyncAt() == null ? "never" : s.lastSyncAt(),
            dash(s.lastDurationMs()),
            dash(s.rowsPulled()),
            dash(s.rowsPushed()),
            s.officePending(),
            s.shopPending() < 0 ? "-" : s.shopPending(),
            dash(s.lagSeconds()),
            s.rangeUsedPercent(),
            s.rangeUsedPercent() >= warn ? "!" : " ",
            s.conflicts(),
            notes(s));
      }
    }
    return 0;
  }

  /** The last error, and key collisions, which need a person to look at both versions. */
  private static String notes(BranchStatus s) {
    String collisions =
        s.keyCollisions() == 0 ? "" : s.keyCollisions() + " key collision(s): see office conflicts";
    if (s.lastError() == null) {
      return collisions;
    }
    return collisions.isEmpty() ? s.lastError() : s.lastError() + "; " + collisions;
  }

  private static String dash(Long value) {
    return value == null ? "-" : value.toString();
  }
}
