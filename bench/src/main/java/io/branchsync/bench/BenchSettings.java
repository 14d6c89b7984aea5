package io.branchsync.bench;

import io.branchsync.testkit.TestDialect;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sizes and repetitions of a run; validated when built.
 *
 * @param products products in the office catalog for provisioning and incremental syncs
 * @param persons persons in the office catalog
 * @param repetitions runs of each measurement
 * @param incrementalRows changed rows per incremental sync, half at the shop, half at the office
 * @param idleRuns idle syncs timed per dialect
 * @param tillRows rows inserted one per statement and commit per capture run
 * @param batchRows rows inserted in JDBC batches per capture run
 * @param memorySmall catalog rows of the small memory run
 * @param memoryLarge catalog rows of the large memory run
 * @param fleetShops shops of the fleet sync
 * @param fleetSalesPerShop sales made at each fleet shop before each fleet sync
 * @param dialects database families to run on
 * @param measurements what to measure
 * @param officeJar the office command-line jar, or null to run the office from this classpath
 */
public record BenchSettings(
    int products,
    int persons,
    int repetitions,
    int incrementalRows,
    int idleRuns,
    int tillRows,
    int batchRows,
    int memorySmall,
    int memoryLarge,
    int fleetShops,
    int fleetSalesPerShop,
    List<TestDialect> dialects,
    Set<Measurement> measurements,
    Path officeJar) {

  public BenchSettings {
    positive("products", products);
    positive("persons", persons);
    positive("repetitions", repetitions);
    positive("incremental rows", incrementalRows);
    positive("idle runs", idleRuns);
    positive("till rows", tillRows);
    positive("batch rows", batchRows);
    positive("memory rows", memorySmall);
    positive("fleet shops", fleetShops);
    positive("fleet sales per shop", fleetSalesPerShop);
    if (memoryLarge <= memorySmall) {
      throw new IllegalArgumentException("the large memory run must hold more rows than the small");
    }
    if (products < 2_000 || persons < 2_000) {
      // incremental syncs edit, delete and reference rows in separate ranges of the catalog
      throw new IllegalArgumentException("products and persons must be 2000 or more");
    }
    if (fleetShops > 400) {
      throw new IllegalArgumentException("at most 400 fleet shops (every one holds connections)");
    }
    dialects = List.copyOf(dialects);
    measurements =
        Set.copyOf(measurements.isEmpty() ? EnumSet.allOf(Measurement.class) : measurements);
    if (dialects.isEmpty()) {
      throw new IllegalArgumentException("name at least one dialect");
    }
  }

  /** The default run of docs/benchmarks.md. */
  public static BenchSettings defaults() {
    return new BenchSettings(
        200_000,
        50_000,
        3,
        10_000,
        50,
        2_000,
        20_000,
        100_000,
        1_000_000,
        50,
        3,
        List.of(TestDialect.POSTGRESQL, TestDialect.MARIADB),
        EnumSet.allOf(Measurement.class),
        null);
  }

  /** Small sizes and one repetition: proves the benchmark works, measures little. */
  public static BenchSettings quick() {
    return new BenchSettings(
        2_000,
        2_000,
        1,
        1_000,
        10,
        200,
        2_000,
        5_000,
        20_000,
        3,
        2,
        List.of(TestDialect.POSTGRESQL, TestDialect.MARIADB),
        EnumSet.allOf(Measurement.class),
        null);
  }

  public boolean measures(Measurement measurement) {
    return measurements.contains(measurement);
  }

  public BenchSettings withOfficeJar(Path jar) {
    return new BenchSettings(
        products,
        persons,
        repetitions,
        incrementalRows,
        idleRuns,
        tillRows,
        batchRows,
        memorySmall,
        memoryLarge,
        fleetShops,
        fleetSalesPerShop,
        dialects,
        measurements,
        jar);
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be 1 or more, got " + value);
    }
  }
}
