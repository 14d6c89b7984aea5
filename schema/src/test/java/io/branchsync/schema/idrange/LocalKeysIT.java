package io.branchsync.schema.idrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.policy.Policy;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A node's own inserts take keys from its own range whatever rows from other ranges it applied: the
 * promise MySQL's AUTO_INCREMENT broke by jumping past explicit keys.
 */
class LocalKeysIT {
  private static final IdRange BRANCH_1 = IdRange.forBranch(1);

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void keysAppliedFromAHigherRangeDoNotMoveTheNodesOwnKeys(TestDialect dialect) throws Exception {
    try (RetailDatabase db = branch1(dialect)) {
      db.exec(
          "INSERT INTO person (name) VALUES ('own before')",
          "INSERT INTO person (id, name) VALUES (20000005, 'from branch 2')",
          "INSERT INTO person (id, name) VALUES (30000009, 'from branch 3')",
          "INSERT INTO person (name) VALUES ('own after')");
      assertEquals(
          List.of(List.of("10000001"), List.of("10000002")),
          db.rows("SELECT id FROM person WHERE name LIKE 'own%' ORDER BY id"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void theDriverReportsTheKeyItGave(TestDialect dialect) throws Exception {
    try (RetailDatabase db = branch1(dialect)) {
      db.exec("INSERT INTO sale (id, branch_id, total) VALUES (20000001, 2, 1.00)");
      try (Connection c = db.connect();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO sale (branch_id, total) VALUES (1, 2.50)", new String[] {"id"})) {
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          assertTrue(keys.next());
          assertEquals(10_000_001L, keys.getLong(1));
        }
      }
      assertEquals(
          List.of(List.of("10000001", "2.50")),
          db.rows("SELECT id, total FROM sale WHERE branch_id = 1"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDialect.class, names = "MARIADB")
  void nullAndZeroMeanAKeyFromTheRangeAndAnExplicitKeyIsKept(TestDialect dialect) throws Exception {
    try (RetailDatabase db = branch1(dialect)) {
      db.exec(
          "INSERT INTO person (id, name) VALUES (NULL, 'null key')",
          "INSERT INTO person (id, name) VALUES (0, 'zero key')",
          "INSERT INTO person (id, name) VALUES (42, 'explicit key')",
          "INSERT INTO person (name) VALUES ('omitted'), ('omitted too')");
      assertEquals(
          List.of(
              List.of("42", "explicit key"),
              List.of("10000001", "null key"),
              List.of("10000002", "zero key"),
              List.of("10000003", "omitted"),
              List.of("10000004", "omitted too")),
          db.rows("SELECT id, name FROM person ORDER BY id"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void eightTillsInsertingAtOnceGetDistinctKeysInsideTheRange(TestDialect dialect)
      throws Exception {
    int tills = 8;
    int salesEach = 40;
    try (RetailDatabase db = branch1(dialect)) {
      ExecutorService pool = Executors.newFixedThreadPool(tills);
      try {
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < tills; t++) {
          int till = t;
          results.add(pool.submit(() -> sell(db, till, salesEach)));
        }
        Set<Long> keys = new HashSet<>();
        for (Future<List<Long>> result : results) {
          for (long key : result.get(2, TimeUnit.MINUTES)) {
            assertTrue(
                key >= BRANCH_1.first() && key <= BRANCH_1.last(), key + " outside " + BRANCH_1);
            assertTrue(keys.add(key), "key " + key + " handed out twice");
          }
        }
        assertEquals(tills * salesEach, keys.size());
        assertEquals(tills * salesEach, db.count("SELECT COUNT(*) FROM sale"));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aTillDoesNotWaitForAnotherTillsOpenTransaction(TestDialect dialect) throws Exception {
    try (RetailDatabase db = branch1(dialect);
        Connection slow = db.connect();
        Connection quick = db.connect()) {
      slow.setAutoCommit(false);
      insertSale(slow, 1);
      try (Statement s = quick.createStatement()) {
        // a till blocked behind the open transaction would wait 50 s for a lock, then fail
        s.execute(
            dialect == TestDialect.POSTGRESQL
                ? "SET lock_timeout = '3s'"
                : "SET SESSION innodb_lock_wait_timeout = 3");
      }
      long key = insertSale(quick, 2);
      slow.commit();
      assertEquals(10_000_002L, key);
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDialect.class, names = "MARIADB")
  void initUpgradesAnOldInstallationWhoseKeysJumpedBackIntoItsRange(TestDialect dialect)
      throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      // an installation from before allocators: AUTO_INCREMENT alone, already jumped
      db.exec(
          "ALTER TABLE person AUTO_INCREMENT = 10000001",
          "INSERT INTO person (name) VALUES ('a'), ('b'), ('c')",
          "INSERT INTO person (id, name) VALUES (20000007, 'from branch 2')");
      installAllocators(db, Optional.of(BRANCH_1));
      db.exec("INSERT INTO person (name) VALUES ('after upgrade')");
      assertEquals(10_000_004L, db.count("SELECT id FROM person WHERE name = 'after upgrade'"));
      assertEquals(5, db.count("SELECT COUNT(*) FROM person"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = TestDialect.class, names = "MARIADB")
  void initKeepsTheNextKeyOfAnOldInstallationThatDidNotJump(TestDialect dialect) throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      db.exec(
          "ALTER TABLE person AUTO_INCREMENT = 10000001",
          "INSERT INTO person (name) VALUES ('a'), ('b'), ('c')",
          // a deleted key is never handed out again
          "DELETE FROM person WHERE name = 'c'");
      installAllocators(db, Optional.of(BRANCH_1));
      installAllocators(db, Optional.of(BRANCH_1));
      db.exec("INSERT INTO person (name) VALUES ('after upgrade')");
      assertEquals(10_000_004L, db.count("SELECT id FROM person WHERE name = 'after upgrade'"));
    }
  }

  private static RetailDatabase branch1(TestDialect dialect) throws SQLException {
    RetailDatabase db = new RetailDatabase(dialect);
    try {
      installAllocators(db, Optional.empty());
      try (Connection c = db.connect()) {
        new IdRangeAssigner(db.dialect)
            .assign(c, db.policies.tables(Policy::needsIdRange), BRANCH_1);
      }
      return db;
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static void installAllocators(RetailDatabase db, Optional<IdRange> own)
      throws SQLException {
    try (Connection c = db.connect()) {
      new LocalKeyAllocators(db.dialect)
          .install(c, db.catalog(), db.policies.tables(Policy::needsIdRange), own);
    }
  }

  private static List<Long> sell(RetailDatabase db, int till, int sales) throws SQLException {
    List<Long> keys = new ArrayList<>();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      for (int i = 0; i < sales; i++) {
        keys.add(insertSale(c, till));
        c.commit();
      }
    }
    return keys;
  }

  private static long insertSale(Connection c, int till) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO sale (branch_id, total) VALUES (?, 1.00)", new String[] {"id"})) {
      s.setInt(1, till);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
