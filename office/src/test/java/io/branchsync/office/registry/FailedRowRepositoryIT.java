package io.branchsync.office.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchsync.office.sync.OfficeFixture;
import io.branchsync.testkit.TestDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A row refused run after run is one open failed row, whatever its key holds or lacks. */
class FailedRowRepositoryIT {

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aRowRefusedAgainAndAgainIsRecordedOnceAndSkippedByItsExactKey(TestDialect dialect)
      throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect)) {
      FailedRowRepository failed = fixture.office().failedRows();
      String key = "opening hours: mon | sat";
      for (int run = 1; run <= 3; run++) {
        failed.recordOpen(1, "push", "parameter", key, "check violated, run " + run);
        // a refusal from a shop that names no row (an older shop, a clean that failed)
        failed.recordOpen(1, "push", null, null, "clean: could not empty, run " + run);
      }

      List<FailedRow> open = failed.list(true);
      assertEquals(2, open.size(), open.toString());
      FailedRow named =
          open.stream().filter(r -> "parameter".equals(r.table())).findFirst().orElseThrow();
      assertEquals(key, named.key());
      assertEquals("check violated, run 3", named.reason());

      failed.decide(named.id(), true);
      assertEquals(Set.of("parameter|" + key), failed.toSkip(1, "push"));
    }
  }
}
