package io.branchsync.schema.idrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.policy.Policy;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdRangeAssignerIT {

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void newRowsTakeKeysFromTheBranchRange(TestDialect dialect) throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      List<String> tables = db.policies.tables(Policy::needsIdRange);
      try (Connection c = db.connect()) {
        new IdRangeAssigner(db.dialect).assign(c, tables, IdRange.forBranch(3));
      }
      db.exec(
          "INSERT INTO person (name) VALUES ('Ana')",
          "INSERT INTO sale (branch_id, total) VALUES (3, 1.00)");
      assertEquals(30_000_001L, db.count("SELECT id FROM person"));
      assertEquals(30_000_001L, db.count("SELECT id FROM sale"));
      try (Connection c = db.connect()) {
        assertEquals(
            30_000_001L,
            new IdRangeAssigner(db.dialect).highestUsed(c, "person", IdRange.forBranch(3)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void refusesARangeThatAlreadyHoldsRowsAndChangesNothing(TestDialect dialect) throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      db.exec("INSERT INTO person (id, name) VALUES (20000005, 'already here')");
      List<String> tables = db.policies.tables(Policy::needsIdRange);
      try (Connection c = db.connect()) {
        SyncException e =
            assertThrows(
                SyncException.class,
                () -> new IdRangeAssigner(db.dialect).assign(c, tables, IdRange.forBranch(2)));
        assertEquals(ErrorCode.ID_RANGE_OCCUPIED, e.code());
        assertTrue(e.getMessage().contains("person"), e.getMessage());
      }
      db.exec("INSERT INTO sale (branch_id, total) VALUES (1, 1.00)");
      assertTrue(db.count("SELECT id FROM sale") < 20_000_001L, "sale sequence was moved");
    }
  }
}
