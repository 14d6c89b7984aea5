package io.branchsync.office.cli;

import io.branchsync.office.registry.FailedRow;
import io.branchsync.office.sync.Office;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code office failed list|retry|skip}: rows that stopped a branch, and what to do with them. */
@Command(
    name = "failed",
    mixinStandardHelpOptions = true,
    description = "Rows a side could not apply: list them, retry them, or skip them.",
    subcommands = {
      FailedCommand.ListRows.class,
      FailedCommand.Retry.class,
      FailedCommand.Skip.class
    })
final class FailedCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List failed rows.")
  static final class ListRows implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--all", description = "include resolved and skipped rows")
    boolean all;

    @Override
    public Integer call() throws Exception {
      try (Office office = config.open()) {
        for (FailedRow r : office.failedRows().list(!all)) {
          System.out.printf(
              "#%d branch %d %s %s key %s [%s] %s%n",
              r.id(), r.branchId(), r.direction(), r.table(), r.key(), r.status(), r.reason());
        }
      }
      return 0;
    }
  }

  /** Retry and skip differ only in the decision recorded and the words that confirm it. */
  private abstract static class Decision implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "ID", description = "failed row number from 'failed list'")
    long id;

    private final boolean skip;

    Decision(boolean skip) {
      this.skip = skip;
    }

    @Override
    public Integer call() throws Exception {
      try (Office office = config.open()) {
        office.failedRows().decide(id, skip);
        System.out.println(
            "row #" + id + " will be " + (skip ? "skipped" : "tried again") + " at the next sync");
      }
      return 0;
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description = "Try the row again at the next sync (after fixing its cause).")
  static final class Retry extends Decision {
    Retry() {
      super(false);
    }
  }

  @Command(
      name = "skip",
      mixinStandardHelpOptions = true,
      description = "Pass over the row at the next sync; it is then never applied.")
  static final class Skip extends Decision {
    Skip() {
      super(true);
    }
  }
}
