package io.branchsync.office.cli;

import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Office;
import io.branchsync.office.sync.SyncOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code office sync BRANCH... | --all}: one sync run; exit 0 only if every branch succeeded. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "Sync shops both ways once (suits cron). Exit code 0 only if all succeeded.")
final class SyncCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @ArgGroup(multiplicity = "1")
  Which which;

  static final class Which {
    @Parameters(paramLabel = "BRANCH", arity = "1..*", description = "branch numbers")
    List<Integer> ids = new ArrayList<>();

    @Option(names = "--all", description = "every registered branch")
    boolean all;
  }

  @Override
  public Integer call() throws Exception {
    try (Office office = config.open()) {
      return runOnce(office, which.all, which.ids);
    }
  }

  static int runOnce(Office office, boolean all, List<Integer> ids) {
    List<Branch> branches =
        all ? office.branches().list() : ids.stream().map(office.branches()::require).toList();
    List<SyncOutcome> outcomes = new FleetSync(office).sync(branches);
    boolean allOk = true;
    for (SyncOutcome o : outcomes) {
      if (o.busy()) {
        // cron ticks that overlap a long run are normal: not a failure, not a mail
        System.out.printf("branch %-4d skipped (busy: %s)%n", o.branchId(), o.error());
        continue;
      }
      allOk &= o.ok();
      System.out.printf(
          "branch %-4d %-6s pulled %-8d pushed %-8d conflicts %-4d %6d ms%s%n",
          o.branchId(),
          o.ok() ? "ok" : "FAILED",
          o.pulled(),
          o.pushed(),
          o.conflicts(),
          o.millis(),
          o.ok() ? "" : "  " + o.error());
    }
    return allOk ? 0 : 1;
  }
}
