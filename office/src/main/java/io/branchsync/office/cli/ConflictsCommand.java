package io.branchsync.office.cli;

import io.branchsync.office.registry.Conflict;
import io.branchsync.office.sync.Office;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code office conflicts}: the conflict log, newest first, with both versions. */
@Command(
    name = "conflicts",
    mixinStandardHelpOptions = true,
    description = "List recorded conflicts with the office's and the branch's version.")
final class ConflictsCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(names = "--limit", defaultValue = "50", description = "most to show (default 50)")
  int limit;

  @Override
  public Integer call() throws Exception {
    try (Office office = config.open()) {
      for (Conflict c : office.conflicts().list(limit)) {
        System.out.printf(
            "#%d %s branch %d %s key %s -> %s%n  office: %s%n  branch: %s%n",
            c.id(),
            c.detectedAt(),
            c.branchId(),
            c.table(),
            c.key(),
            c.resolution(),
            c.officeVersion(),
            c.branchVersion());
      }
    }
    return 0;
  }
}
