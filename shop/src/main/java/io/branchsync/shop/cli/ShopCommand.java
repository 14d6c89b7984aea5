package io.branchsync.shop.cli;

import picocli.CommandLine.Command;

/** The {@code shop} command: its subcommands run, prepare and inspect a branch's server. */
@Command(
    name = "shop",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "The BranchSync shop: serves a branch's database to the head office over XML-RPC.",
      "Credentials come from the configuration file or the environment, never from arguments."
    },
    subcommands = {
      ServeCommand.class,
      InitCommand.class,
      SetSecretCommand.class,
      StatusCommand.class,
      ConfigKeysCommand.class
    })
final class ShopCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
