package io.branchsync.office.cli;

import io.branchsync.office.sync.Office;
import io.branchsync.schema.policy.Policy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates or upgrades the office schema and installs change capture for a policy set. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create or upgrade the office database and install change capture.")
final class InitCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--policy-set",
      defaultValue = "retail",
      description =
          "policy set whose office-to-shop tables get capture (default: ${DEFAULT-VALUE})")
  String policySet;

  @Override
  public Integer call() throws Exception {
    try (Office office = config.open()) {
      String version = office.initialize(policySet);
      System.out.println(
          "office schema at version "
              + version
              + ", capture installed on "
              + office.policySet(policySet).tables(Policy::pushedOnSync));
      return 0;
    }
  }
}
