package io.branchsync.shop.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar branchsync-shop.jar <command> --config FILE}. */
public final class ShopMain {

  private ShopMain() {}

  /**
   * Runs a command and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs a command; for tests, which must not exit the JVM.
   *
   * @param args the command line
   * @return the exit code: 0 success, 1 failure, 2 usage error
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The command line, with error handling that prints messages, not stack traces, for the errors
   * an operator can fix.
   *
   * @return a new command line
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new ShopCommand());
    commandLine.setExecutionExceptionHandler(new OperatorErrors());
    return commandLine;
  }
}
