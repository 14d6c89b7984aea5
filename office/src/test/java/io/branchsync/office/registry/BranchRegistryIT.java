package io.branchsync.office.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.sync.OfficeFixture;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.testkit.TestDialect;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BranchRegistryIT {

  private static Branch branch(int id, IdRange range) {
    return new Branch(
        id,
        "shop-" + id,
        URI.create("https://shop" + id + ".example:8743/RPC2"),
        "env:BRANCHSYNC_BRANCH_" + id + "_SECRET",
        "retail",
        range);
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void addsListsAndRemovesBranches(TestDialect dialect) throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect)) {
      BranchRepository branches = fixture.office().branches();
      branches.add(branch(2, IdRange.forBranch(2)));
      branches.add(branch(1, IdRange.forBranch(1)));
      assertEquals(2, branches.list().size());
      assertEquals(1, branches.list().get(0).id());
      assertEquals(IdRange.forBranch(2), branches.require(2).idRange());
      assertEquals("branch-2", branches.require(2).user());
      assertTrue(branches.remove(2));
      assertFalse(branches.remove(2));
      assertTrue(
          assertThrows(SyncException.class, () -> branches.require(2))
              .getMessage()
              .contains("no branch 2"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void refusesOverlappingRangesAndNumbersInUse(TestDialect dialect) throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect)) {
      BranchRepository branches = fixture.office().branches();
      branches.add(branch(1, IdRange.forBranch(1)));
      SyncException overlap =
          assertThrows(
              SyncException.class,
              () -> branches.add(branch(3, new IdRange(15_000_000, 25_000_000))));
      assertEquals(ErrorCode.ID_RANGE_OCCUPIED, overlap.code());
      assertTrue(overlap.getMessage().contains("branch 1"), overlap.getMessage());
      SyncException office =
          assertThrows(SyncException.class, () -> branches.add(branch(4, new IdRange(5, 50))));
      assertTrue(office.getMessage().contains("office"), office.getMessage());
      assertThrows(SyncException.class, () -> branches.add(branch(1, IdRange.forBranch(9))));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aSecretGivenAsCredentialsIsRefusedNeitherStoredNorRepeated(TestDialect dialect)
      throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect)) {
      BranchRepository branches = fixture.office().branches();
      for (String given : new String[] {"ux-some-secret-123456", "env:", "file:"}) {
        SyncException refused =
            assertThrows(
                SyncException.class,
                () ->
                    branches.add(
                        new Branch(
                            3,
                            "shop-3",
                            URI.create("https://shop3.example:8743/RPC2"),
                            given,
                            "retail",
                            IdRange.forBranch(3))));
        assertEquals(ErrorCode.AUTH_FAILED, refused.code());
        assertTrue(
            refused.getMessage().contains("env:VARIABLE or file:PATH"), refused.getMessage());
        assertFalse(refused.getMessage().contains("ux-some"), refused.getMessage());
      }
      assertEquals(0, branches.list().size(), "nothing was stored");
      Branch stored =
          new Branch(
              3,
              "shop-3",
              URI.create("https://shop3.example:8743/RPC2"),
              "plain-secret-from-an-old-registry",
              "retail",
              IdRange.forBranch(3));
      assertFalse(stored.credentialsShown().contains("plain"), stored.credentialsShown());
      assertEquals(
          "file:/etc/branchsync/b3.secret",
          new Branch(
                  3,
                  "s",
                  stored.url(),
                  "file:/etc/branchsync/b3.secret",
                  "retail",
                  stored.idRange())
              .credentialsShown());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void refusalsSayWhatIsWrong(TestDialect dialect) throws Exception {
    try (OfficeFixture fixture = new OfficeFixture(dialect)) {
      BranchRepository branches = fixture.office().branches();
      String zero =
          assertThrows(SyncException.class, () -> branches.add(branch(0, IdRange.forBranch(1))))
              .getMessage();
      assertTrue(zero.contains("numbered from 1"), zero);

      branches.add(branch(1, IdRange.forBranch(1)));
      Branch sameName =
          new Branch(
              2,
              "shop-1",
              URI.create("https://shop2.example:8743/RPC2"),
              "env:BRANCHSYNC_BRANCH_2_SECRET",
              "retail",
              IdRange.forBranch(2));
      String named = assertThrows(SyncException.class, () -> branches.add(sameName)).getMessage();
      assertEquals("the name shop-1 is already that of branch 1", named);
    }
  }
}
