package io.branchsync.shop.cli;

import io.branchsync.schema.SyncException;
import io.branchsync.shop.ShopConfigException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints the message of an error an operator can fix (configuration, database, files) without a
 * stack trace, and the full trace of anything else, which is a bug.
 */
final class OperatorErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    boolean operator =
        e instanceof ShopConfigException
            || e instanceof SyncException
            || e instanceof IllegalStateException
            || e instanceof UncheckedIOException
            || e instanceof CommandFailure;
    if (operator) {
      command.getErr().println("shop " + command.getCommandName() + ": " + e.getMessage());
    } else {
      command.getErr().println("shop " + command.getCommandName() + ": unexpected error");
      e.printStackTrace(command.getErr());
    }
    return 1;
  }
}
