package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.sync.BranchStatus;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.StatusReporter;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What `office status` reports: the last run, pending changes both sides, and ID-range use. */
class StatusReportIT {

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void statusShowsTheLastRunPendingChangesAndAFillingIdRange(TestDialect dialect) throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop = chain.addShop(1, dialect);
      try (Connection office = chain.office().dataSource().getConnection();
          PreparedStatement s =
              office.prepareStatement(
                  "UPDATE sync_branch SET id_range_end = 10000010 WHERE branch_id = 1")) {
        s.executeUpdate(); // a ten-key range, so a few customers fill it
      }
      new Provisioner(chain.office()).provision(chain.office().branches().require(1), rows -> {});
      BranchStatus fresh = new StatusReporter(chain.office()).report(true).get(0);
      assertNull(fresh.lastSyncAt());
      assertEquals(0, fresh.shopPending());

      try (Connection c = shop.connect()) {
        for (int i = 0; i < 9; i++) {
          RetailActions.addPerson(c, "Customer " + i, null);
        }
      }
      assertEquals(9, new StatusReporter(chain.office()).report(true).get(0).shopPending());
      assertTrue(new BranchSyncer(chain.office()).sync(chain.office().branches().require(1)).ok());
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.addPerson(office, "Office customer", null);
      }

      BranchStatus status = new StatusReporter(chain.office()).report(true).get(0);
      assertNotNull(status.lastSyncAt());
      assertEquals(9L, status.rowsPulled());
      assertEquals(0L, status.rowsPushed());
      assertEquals(0, status.shopPending());
      assertEquals(1, status.officePending());
      assertEquals(90.0, status.rangeUsedPercent(), 0.001);
      assertTrue(
          status.lagSeconds() >= 0 && status.lagSeconds() < 60, "lag " + status.lagSeconds());
      assertNull(status.lastError());
    }
  }
}
