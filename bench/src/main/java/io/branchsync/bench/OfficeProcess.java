package io.branchsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the office command line in a JVM of its own, as an operator or cron would, and watches it:
 * its resident size from {@code /proc/<pid>/status} every {@value #SAMPLE_MILLIS} ms, its heap from
 * its own GC log (heap in use before and after every collection, and at exit).
 */
final class OfficeProcess {
  static final int SAMPLE_MILLIS = 100;
  private static final long TIMEOUT_MINUTES = 30;
  private static final Pattern GC_LINE =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
  private static final Pattern EXIT_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private final Path officeJar;
  private final Path workDir;
  private final Map<String, String> environment;

  /**
   * @param officeJar the office's runnable jar, or null to run its main class from this classpath
   * @param environment added to this process's environment (branch secrets, database password)
   */
  OfficeProcess(Path officeJar, Path workDir, Map<String, String> environment) {
    this.officeJar = officeJar;
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
  }

  /** What one run of the office did and took. Sizes in MiB; heap figures -1 when unknown. */
  record Run(
      int exitCode,
      double seconds,
      double peakHeapMb,
      double liveHeapMb,
      double peakRssMb,
      List<String> stdout) {}

  Run run(String maxHeap, String... args) {
    Path gcLog = workDir.resolve("office-gc.log");
    Path out = workDir.resolve("office.out");
    Path err = workDir.resolve("office.err");
    ProcessBuilder builder =
        new ProcessBuilder(command(maxHeap, gcLog, args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(environment);
    try {
      Files.deleteIfExists(gcLog);
      long started = System.nanoTime();
      Process process = builder.start();
      AtomicLong peakRssKb = new AtomicLong(-1);
      Thread sampler = sampler(process, peakRssKb);
      boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
      double seconds = ProvisioningBench.since(started);
      if (!ended) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the office process ran over " + TIMEOUT_MINUTES + " min");
      }
      sampler.join();
      double[] heap = heap(gcLog);
      Run run =
          new Run(
              process.exitValue(),
              seconds,
              heap[0],
              heap[1],
              peakRssKb.get() / 1024.0,
              Files.readAllLines(out));
      if (run.exitCode() != 0) {
        throw new IllegalStateException(
            "office "
                + String.join(" ", args)
                + " exited with "
                + run.exitCode()
                + ": "
                + tail(err));
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("running the office command line", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private List<String> command(String maxHeap, Path gcLog, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(javaBinary(), "-Xmx" + maxHeap, "-Xlog:gc,gc+heap+exit:file=" + gcLog));
    if (officeJar != null) {
      command.addAll(List.of("-jar", officeJar.toString()));
    } else {
      command.addAll(
          List.of(
              "-cp", System.getProperty("java.class.path"), "io.branchsync.office.cli.OfficeCli"));
    }
    command.addAll(List.of(args));
    return command;
  }

  /** Reads VmHWM (the kernel's own peak of VmRSS) until the process ends. */
  private static Thread sampler(Process process, AtomicLong peakKb) {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    Thread thread =
        new Thread(
            () -> {
              while (process.isAlive()) {
                try {
                  for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                      long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                      peakKb.accumulateAndGet(kb, Math::max);
                    }
                  }
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (IOException | RuntimeException e) {
                  return; // the process ended between the check and the read
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-rss-sampler");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Peak heap in use (before a collection, or at exit) and peak live heap (after one), MiB. */
  static double[] heap(Path gcLog) throws IOException {
    double peak = -1;
    double live = -1;
    if (!Files.exists(gcLog)) {
      return new double[] {peak, live};
    }
    for (String line : Files.readAllLines(gcLog)) {
      Matcher gc = GC_LINE.matcher(line);
      if (gc.find()) {
        peak = Math.max(peak, mib(gc.group(1), gc.group(2)));
        live = Math.max(live, mib(gc.group(3), gc.group(4)));
        continue;
      }
      Matcher exit = EXIT_USED.matcher(line);
      if (exit.find()) {
        peak = Math.max(peak, Long.parseLong(exit.group(1)) / 1024.0);
      }
    }
    // no collection at all: what was in use at exit bounds the live heap from above
    return new double[] {peak, live < 0 ? peak : live};
  }

  private static double mib(String number, String unit) {
    double value = Double.parseDouble(number);
    return switch (unit) {
      case "K" -> value / 1024;
      case "G" -> value * 1024;
      default -> value;
    };
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
