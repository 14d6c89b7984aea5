package io.branchsync.office.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.registry.Branch;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.testkit.TestDialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BranchLockIT {

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void oneSyncPerBranchAcrossOfficeProcesses(TestDialect dialect) throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect);
        Office second = fixture.open()) {
      Office first = fixture.office();
      try (BranchLock held = BranchLock.acquire(first.dataSource(), first.dialect(), 1)) {
        SyncException busy =
            assertThrows(
                SyncException.class,
                () -> BranchLock.acquire(second.dataSource(), second.dialect(), 1));
        assertEquals(ErrorCode.BUSY, busy.code());
        // another branch is not held up
        BranchLock.acquire(second.dataSource(), second.dialect(), 2).close();
      }
      BranchLock.acquire(second.dataSource(), second.dialect(), 1).close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void officesOnTwoDatabasesOfOneServerLockTheirOwnBranches(TestDialect dialect) throws Exception {
    try (OfficeFixture one = new OfficeFixture(dialect);
        OfficeFixture other = new OfficeFixture(dialect)) {
      try (BranchLock held =
          BranchLock.acquire(one.office().dataSource(), one.office().dialect(), 1)) {
        BranchLock.acquire(other.office().dataSource(), other.office().dialect(), 1).close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aBranchAnotherRunHoldsIsSkippedAsBusyNotFailed(TestDialect dialect) throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect);
        Office second = fixture.open()) {
      Office first = fixture.office();
      first
          .branches()
          .add(
              new Branch(
                  1,
                  "shop-1",
                  java.net.URI.create("http://127.0.0.1:9/RPC2"),
                  "env:BRANCHSYNC_BRANCH_1_SECRET",
                  "retail",
                  io.branchsync.schema.idrange.IdRange.forBranch(1)));
      try (BranchLock held = BranchLock.acquire(first.dataSource(), first.dialect(), 1)) {
        SyncOutcome skipped = new BranchSyncer(second).sync(second.branches().require(1));

        assertTrue(skipped.busy(), skipped.toString());
        assertFalse(skipped.ok());
        assertTrue(second.states().find(1).isEmpty(), "no error recorded for status");
      }
    }
  }
}
