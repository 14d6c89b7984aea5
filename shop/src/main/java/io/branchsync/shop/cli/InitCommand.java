package io.branchsync.shop.cli;

import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopInitializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shop init}: migrates the schema and installs change capture. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Create or upgrade the shop's schema, install change capture and record the branch number.",
      "Safe to run again; existing rows are kept."
    })
final class InitCommand implements Runnable {

  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Option(
      names = "--change-branch",
      description =
          "Give a database set up for another branch to the branch in the configuration"
              + " (refused without it).")
  boolean changeBranch;

  @Override
  public void run() {
    ShopConfig shop = config.load();
    String version = ShopInitializer.init(shop, changeBranch);
    spec.commandLine()
        .getOut()
        .println(
            "Branch "
                + shop.branch()
                + " initialized: schema version "
                + version
                + ", policy set "
                + shop.policySet());
  }
}
