package io.branchsync.office.cli;

import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.Office;
import io.branchsync.office.sync.ProvisionResult;
import io.branchsync.office.sync.Provisioner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code office provision BRANCH}: set a shop up from scratch. */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description =
        "Erase a shop and fill it from the office: collects its pending changes first,"
            + " then clean, full push, ID range.")
final class ProvisionCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Parameters(paramLabel = "BRANCH", description = "branch number")
  int id;

  @Override
  public Integer call() throws Exception {
    try (Office office = config.open()) {
      Branch branch = office.branches().require(id);
      Provisioner provisioner = new Provisioner(office);
      ProvisionResult result;
      try (Progress progress =
          Progress.start("provision branch " + id, provisioner.rowsToSend(branch))) {
        result = provisioner.provision(branch, progress::step);
      }
      System.out.printf(
          "branch %d provisioned: %d rows in %d chunks, %d applied, IDs from %d," + " %.1f s%s%n",
          id,
          result.rowsSent(),
          result.chunks(),
          result.rowsApplied(),
          result.idStart(),
          result.millis() / 1000.0,
          result.collectedFirst() > 0
              ? " (collected " + result.collectedFirst() + " pending rows first)"
              : "");
      return 0;
    }
  }
}
