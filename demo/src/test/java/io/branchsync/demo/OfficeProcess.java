package io.branchsync.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code office} command in a JVM of its own, so that it can die as a killed process dies: no
 * shutdown hook, no rollback, connections cut.
 */
final class OfficeProcess {
  private final Process process;
  private final Path log;

  private OfficeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static OfficeProcess start(LocalChain chain, Path config, Path log, String... arguments)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.branchsync.office.cli.OfficeCli"));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--config", config.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(chain.officeEnvironment());
    return new OfficeProcess(builder.start(), log);
  }

  /** SIGKILL. */
  void kill() {
    process.destroyForcibly();
  }

  /** The exit code, after waiting for the process to end by itself or by a kill. */
  int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the office process did not end in " + seconds + " s; see " + log);
    }
    return process.exitValue();
  }
}
