package io.branchsync.shop.cli;

import picocli.CommandLine;

/**
 * Entry point of the runnable jar: {@code java -jar branchsync-shop.jar <command> --config FILE}.
 */
public final class ShopMain {

  private ShopMain() {}

  /**
   * Runs a command and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // The JDK HTTP server waits forever for a slow request or a slow reader unless told otherwise;
    // ten minutes carries the largest allowed request over a slow line. Read once, at first use.
    System.setProperty(
        "sun.net.httpserver.maxReqTime",
        System.getProperty("sun.net.httpserver.maxReqTime", "600"));
    System.setProperty(
        "sun.net.httpserver.maxRspTime",
        System.getProperty("sun.net.httpserver.maxRspTime", "600"));
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
   * The command line, with error handling that prints messages, not stack traces, for the errors an
   * operator can fix.
   *
   * @return a new command line
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new ShopCommand());
    commandLine.setExecutionExceptionHandler(new OperatorErrors());
    return commandLine;
  }
}
