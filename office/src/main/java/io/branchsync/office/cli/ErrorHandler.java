package io.branchsync.office.cli;

import io.branchsync.schema.SyncException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints what went wrong in a sentence, not a stack trace; exit code 1. */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    String what = e instanceof SyncException s ? s.code() + ": " + s.getMessage() : e.toString();
    command.getErr().println("office: " + what);
    return 1;
  }
}
