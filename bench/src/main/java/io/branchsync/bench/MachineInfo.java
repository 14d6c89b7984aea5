package io.branchsync.bench;

import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the run ran on, asked of the machine, the JVM, the servers and the client tools. */
final class MachineInfo {
  private MachineInfo() {}

  static List<String> describe(List<TestDialect> dialects) {
    List<String> lines = new ArrayList<>();
    lines.add("processors: " + Runtime.getRuntime().availableProcessors());
    lines.add("memory: " + memInfo());
    lines.add("OS: " + osRelease() + ", kernel " + System.getProperty("os.version"));
    lines.add(
        "Java: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"));
    for (TestDialect dialect : dialects) {
      lines.add(
          Labels.of(dialect) + " server: " + serverVersion(dialect) + " (" + source(dialect) + ")");
      lines.add(
          Labels.of(dialect)
              + " client: "
              + command(dialect == TestDialect.POSTGRESQL ? "pg_dump" : "mysqldump", "--version"));
    }
    return lines;
  }

  private static String source(TestDialect dialect) {
    try {
      return TestDatabases.describe(dialect);
    } catch (RuntimeException e) {
      String variable =
          dialect == TestDialect.POSTGRESQL
              ? "BRANCHSYNC_TEST_PG_URL"
              : "BRANCHSYNC_TEST_MYSQL_URL";
      throw new IllegalStateException(
          "no "
              + Labels.of(dialect)
              + " server: set "
              + variable
              + " (see docs/benchmarks.md); "
              + e.getMessage(),
          e);
    }
  }

  private static String memInfo() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "unknown";
  }

  private static String osRelease() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring(12).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.name");
  }

  private static String serverVersion(TestDialect dialect) {
    try (TestDatabase database = TestDatabases.create(dialect);
        Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String command(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      return out.strip();
    } catch (IOException e) {
      return command[0] + " not found";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
