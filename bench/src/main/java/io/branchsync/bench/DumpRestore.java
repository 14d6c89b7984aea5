package io.branchsync.bench;

import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tool a user would otherwise pick to copy tables between two databases of one server: {@code
 * pg_dump --data-only | psql}, or {@code mysqldump --no-create-info | mysql}, run as the clients'
 * own processes joined by a pipe.
 */
final class DumpRestore {
  private static final long TIMEOUT_MINUTES = 30;
  private final Path logDir;

  DumpRestore(Path logDir) {
    this.logDir = logDir;
  }

  /** What the pipeline runs, for the result table. */
  static String describe(TestDialect dialect) {
    return dialect == TestDialect.POSTGRESQL
        ? "pg_dump --data-only | psql"
        : "mysqldump --no-create-info | mysql";
  }

  /** Copies the rows of {@code tables} from one database into the same, empty tables of another. */
  void copy(TestDatabase from, TestDatabase to, List<String> tables) {
    ProcessBuilder dump = new ProcessBuilder(dumpCommand(from, tables));
    ProcessBuilder restore = new ProcessBuilder(restoreCommand(to));
    Path dumpErrors = logDir.resolve("dump.err");
    Path restoreErrors = logDir.resolve("restore.err");
    dump.redirectError(dumpErrors.toFile());
    restore.redirectError(restoreErrors.toFile());
    restore.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    password(dump, from);
    password(restore, to);
    try {
      List<Process> processes = ProcessBuilder.startPipeline(List.of(dump, restore));
      for (Process process : processes) {
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          processes.forEach(Process::destroyForcibly);
          throw new IllegalStateException("dump and restore took over " + TIMEOUT_MINUTES + " min");
        }
      }
      check(processes.get(0), dump.command().get(0), dumpErrors);
      check(processes.get(1), restore.command().get(0), restoreErrors);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run "
              + dump.command().get(0)
              + " or "
              + restore.command().get(0)
              + " (are the database clients installed and on PATH?): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static List<String> dumpCommand(TestDatabase from, List<String> tables) {
    ServerAddress at = ServerAddress.of(from);
    List<String> command = new ArrayList<>();
    if (from.dialect() == TestDialect.POSTGRESQL) {
      command.addAll(List.of("pg_dump", "--data-only", "--no-password"));
      command.addAll(pgConnection(at, from.user()));
      for (String table : tables) {
        command.add("--table=" + table);
      }
      command.add(at.database());
    } else {
      command.addAll(
          List.of("mysqldump", "--no-create-info", "--skip-triggers", "--single-transaction"));
      command.addAll(myConnection(at, from.user()));
      command.add(at.database());
      command.addAll(tables);
    }
    return command;
  }

  private static List<String> restoreCommand(TestDatabase to) {
    ServerAddress at = ServerAddress.of(to);
    List<String> command = new ArrayList<>();
    if (to.dialect() == TestDialect.POSTGRESQL) {
      command.addAll(
          List.of("psql", "--no-password", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"));
      command.addAll(pgConnection(at, to.user()));
      command.add("--dbname=" + at.database());
    } else {
      command.add("mysql");
      command.addAll(myConnection(at, to.user()));
      command.add(at.database());
    }
    return command;
  }

  private static List<String> pgConnection(ServerAddress at, String user) {
    List<String> args = new ArrayList<>(List.of("--host=" + at.host()));
    if (!at.port().isEmpty()) {
      args.add("--port=" + at.port());
    }
    if (!user.isEmpty()) {
      args.add("--username=" + user);
    }
    return args;
  }

  private static List<String> myConnection(ServerAddress at, String user) {
    List<String> args = new ArrayList<>(List.of("--protocol=TCP", "--host=" + at.host()));
    if (!at.port().isEmpty()) {
      args.add("--port=" + at.port());
    }
    if (!user.isEmpty()) {
      args.add("--user=" + user);
    }
    return args;
  }

  /** Passwords go through the clients' environment variables, never their command lines. */
  private static void password(ProcessBuilder builder, TestDatabase database) {
    if (!database.password().isEmpty()) {
      builder
          .environment()
          .put(
              database.dialect() == TestDialect.POSTGRESQL ? "PGPASSWORD" : "MYSQL_PWD",
              database.password());
    }
  }

  private static void check(Process process, String name, Path errors) throws IOException {
    if (process.exitValue() != 0) {
      String text = Files.exists(errors) ? Files.readString(errors) : "";
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + ": " + text.strip());
    }
  }
}
