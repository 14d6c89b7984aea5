package io.branchsync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.testkit.TestDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark's quick mode on both dialects, so the benchmark code itself is tested: every
 * row of the table is there and every figure is positive. Targets are not checked; timings on a
 * shared build machine say little.
 */
class BenchSmokeIT {

  @Test
  void quickRunMeasuresEveryFigureOnBothDialects() {
    BenchSettings settings = BenchSettings.quick().withOfficeJar(officeJar());
    BenchRunner runner = new BenchRunner(settings);

    ResultTable table = runner.run();

    assertEquals(List.of(), runner.failures());
    List<String> names = table.rows().stream().map(ResultRow::name).toList();
    for (String expected : expectedRows(settings)) {
      assertTrue(
          names.stream().anyMatch(n -> n.startsWith(expected)),
          "no row starting with '" + expected + "' in " + names);
    }
    assertEquals(2 * 7 + 3 + 2, table.rows().size(), names.toString());
    for (ResultRow row : table.rows()) {
      assertPositive(row.name(), row.ours());
      if (row.peer() != null) {
        assertPositive(row.name() + " (peer)", row.peer());
        assertNotNull(row.ratio(), row.name());
      }
    }
    String markdown = table.toMarkdown();
    assertEquals(table.rows().size() + 2, markdown.lines().count(), markdown);
  }

  private static List<String> expectedRows(BenchSettings settings) {
    List<String> rows = new ArrayList<>();
    for (TestDialect dialect : settings.dialects()) {
      String label = Labels.of(dialect);
      rows.add("Provisioning: clean + full push of");
      rows.add(
          "Incremental sync: "
              + Labels.count(settings.incrementalRows())
              + " changed rows both ways, "
              + label);
      rows.add("Idle sync (nothing changed), " + label);
      rows.add(
          "Capture: till inserts into sale/sale_item, one row per statement and commit, " + label);
      rows.add("Capture: batched inserts into sale/sale_item");
    }
    rows.add("Office (-Xmx256m) provisioning");
    rows.add("Fleet: office sync --all");
    rows.add("Fleet: one branch's sync");
    return rows;
  }

  private static void assertPositive(String what, Samples samples) {
    assertTrue(samples.size() > 0, what + ": no samples");
    for (double value : samples.values()) {
      assertTrue(value > 0 && Double.isFinite(value), what + ": " + samples);
    }
  }

  /** The office jar the build made, or null to run the office from this classpath. */
  private static Path officeJar() {
    String configured = System.getProperty("bench.office.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    return BenchMain.findOfficeJar();
  }
}
