package io.branchsync.office.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code office} command: registry, provisioning, sync, status. */
@Command(
    name = "office",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "BranchSync head office: provision shops and sync them both ways.",
    subcommands = {
      InitCommand.class,
      BranchCommand.class,
      ProvisionCommand.class,
      SyncCommand.class,
      WatchCommand.class,
      StatusCommand.class,
      ConflictsCommand.class,
      FailedCommand.class,
      CommandLine.HelpCommand.class
    })
public final class OfficeCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (0 all well, 1 a branch failed, 2 usage). */
  public static int run(String... args) {
    return new CommandLine(new OfficeCli())
        .setExecutionExceptionHandler(new ErrorHandler())
        .execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see --help");
  }
}
