package io.branchsync.schema.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.policy.Policy;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaptureIT {
  private static final Set<String> SHOP_TABLES = Set.of("person", "sale", "sale_item", "payment");

  private static RetailDatabase shop(TestDialect dialect) throws Exception {
    return new RetailDatabase(dialect).capture(Policy::shopToOffice, false);
  }

  private static ChangeBatch read(RetailDatabase db, long after, int max) throws Exception {
    try (Connection c = db.connect()) {
      return new ChangeReader(db.dialect, db.catalog(), 1000)
          .read(c, after, max, SHOP_TABLES, null);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void logsOneRowPerInsertUpdateAndDelete(TestDialect dialect) throws Exception {
    try (RetailDatabase db = shop(dialect)) {
      db.exec(
          "INSERT INTO person (id, name) VALUES (1, 'Ana')",
          "UPDATE person SET name = 'Ana B' WHERE id = 1",
          "DELETE FROM person WHERE id = 1");
      assertEquals(
          List.of(
              List.of("person", "1", "I"),
              List.of("person", "1", "U"),
              List.of("person", "1", "D")),
          db.rows("SELECT table_name, pk1, op FROM sync_change ORDER BY id"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void netChangesSendLatestStateOnceAndDeletes(TestDialect dialect) throws Exception {
    try (RetailDatabase db = shop(dialect)) {
      db.exec(
          "INSERT INTO person (id, name) VALUES (1, 'Ana'), (2, 'Bo')",
          "UPDATE person SET name = 'Ana 2' WHERE id = 1",
          "UPDATE person SET name = 'Ana 3' WHERE id = 1",
          "DELETE FROM person WHERE id = 2");
      ChangeBatch batch = read(db, 0, 100);
      assertEquals(2, batch.statements().size());
      Upsert upsert = assertInstanceOf(Upsert.class, batch.statements().get(0));
      assertEquals(1, upsert.rows().size());
      assertEquals(new SqlValue.Text("Ana 3"), upsert.rows().get(0).get(1));
      DeleteByKey delete = assertInstanceOf(DeleteByKey.class, batch.statements().get(1));
      assertEquals(List.of(List.of(new SqlValue.Number("2"))), delete.keys());
      assertFalse(batch.more());
      assertEquals(5, batch.changes());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void upsertsParentsFirstAndDeletesChildrenFirst(TestDialect dialect) throws Exception {
    try (RetailDatabase db = shop(dialect)) {
      db.exec(
          "INSERT INTO product (id, sku, description, price) VALUES (1, 'A', 'a', 1.00)",
          "INSERT INTO person (id, name) VALUES (1, 'Ana')",
          "INSERT INTO sale (id, branch_id, total) VALUES (2, 1, 3.00)",
          "INSERT INTO sale_item (id, sale_id, product_id, quantity, price) VALUES (2, 2, 1, 1, 3.00)");
      long seen = read(db, 0, 100).nextSeq();
      // The log names children before their parents: the reader must reorder.
      db.exec(
          "INSERT INTO sale (id, branch_id, person_id, total) VALUES (1, 1, 1, 2.00)",
          "INSERT INTO payment (id, sale_id, method, amount) VALUES (1, 1, 'cash', 2.00)",
          "UPDATE sale SET total = 2.50 WHERE id = 1",
          "UPDATE person SET name = 'Ana B' WHERE id = 1",
          "DELETE FROM sale_item WHERE id = 2",
          "DELETE FROM sale WHERE id = 2");
      List<String> order =
          read(db, seen, 100).statements().stream()
              .map(s -> (s instanceof Upsert ? "+" : "-") + s.table())
              .toList();
      assertEquals(List.of("+person", "+sale", "+payment", "-sale_item", "-sale"), order);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void readsInBoundedBatchesWithCursor(TestDialect dialect) throws Exception {
    try (RetailDatabase db = shop(dialect)) {
      for (int i = 1; i <= 25; i++) {
        db.exec("INSERT INTO person (id, name) VALUES (" + i + ", 'p" + i + "')");
      }
      long cursor = 0;
      int rows = 0;
      int batches = 0;
      ChangeBatch batch;
      do {
        batch = read(db, cursor, 10);
        assertTrue(batch.changes() <= 10, "batch of " + batch.changes());
        rows += batch.rows();
        cursor = batch.nextSeq();
        batches++;
      } while (batch.more());
      assertEquals(25, rows);
      assertEquals(3, batches);
      assertTrue(read(db, cursor, 10).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void writesMarkedWithAnOriginAreNotLoggedAtAShopButAreAtTheOffice(TestDialect dialect)
      throws Exception {
    try (RetailDatabase shop = shop(dialect);
        RetailDatabase office = new RetailDatabase(dialect).capture(Policy::pushedOnSync, true)) {
      for (RetailDatabase db : List.of(shop, office)) {
        try (Connection c = db.connect()) {
          c.setAutoCommit(false);
          db.dialect.setOrigin(c, 7);
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO person (id, name) VALUES (5, 'from seven')");
          }
          c.commit();
          db.dialect.clearOrigin(c);
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO person (id, name) VALUES (6, 'local')");
          }
        }
      }
      assertEquals(
          List.of(Arrays.asList("6", null)), shop.rows("SELECT pk1, origin FROM sync_change"));
      assertEquals(
          List.of(List.of("5", "7"), Arrays.asList("6", null)),
          office.rows("SELECT pk1, origin FROM sync_change ORDER BY id"));
      try (Connection c = office.connect()) {
        ChangeBatch toSeven =
            new ChangeReader(office.dialect, office.catalog(), 100)
                .read(c, 0, 100, Set.of("person"), 7);
        assertEquals(1, toSeven.rows());
        assertEquals("6", toSeven.keys().get(0).keyText());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void lateCommittingTransactionIsNotSkipped(TestDialect dialect) throws Exception {
    try (RetailDatabase db = shop(dialect);
        Connection early = db.connect();
        Connection late = db.connect()) {
      early.setAutoCommit(false);
      late.setAutoCommit(false);
      try (Statement s = early.createStatement()) {
        s.execute("INSERT INTO person (id, name) VALUES (1, 'started first, commits last')");
      }
      try (Statement s = late.createStatement()) {
        s.execute("INSERT INTO person (id, name) VALUES (2, 'started last, commits first')");
      }
      late.commit();
      ChangeBatch first = read(db, 0, 100);
      assertEquals(List.of("2"), first.keys().stream().map(ChangeKey::keyText).toList());
      early.commit();
      ChangeBatch second = read(db, first.nextSeq(), 100);
      assertEquals(List.of("1"), second.keys().stream().map(ChangeKey::keyText).toList());
      assertTrue(read(db, second.nextSeq(), 100).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void compositeKeysAreCaptured(TestDialect dialect) throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      db.exec(
          "CREATE TABLE stock (store INTEGER NOT NULL, sku VARCHAR(20) NOT NULL,"
              + " qty INTEGER, PRIMARY KEY (store, sku))");
      try (Connection c = db.connect()) {
        new CaptureInstaller(db.dialect).install(c, List.of("stock"), false);
      }
      db.exec(
          "INSERT INTO stock VALUES (1, 'A-1', 5)", "UPDATE stock SET sku = 'A-2' WHERE store = 1");
      try (Connection c = db.connect()) {
        ChangeBatch batch =
            new ChangeReader(db.dialect, db.catalog(), 100).read(c, 0, 100, Set.of("stock"), null);
        List<ChunkStatement> statements = batch.statements();
        assertEquals(2, statements.size());
        assertEquals(
            List.of("1|A-2", "1|A-1"), batch.keys().stream().map(ChangeKey::keyText).toList());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void uninstalledCaptureLogsNothingAndInstallingTwiceLogsOnce(TestDialect dialect)
      throws Exception {
    try (RetailDatabase db = shop(dialect)) {
      try (Connection c = db.connect()) {
        new CaptureInstaller(db.dialect).install(c, List.of("person"), false);
      }
      db.exec("INSERT INTO person (id, name) VALUES (1, 'Ana')");
      assertEquals(1, db.count("SELECT COUNT(*) FROM sync_change"));
      try (Connection c = db.connect()) {
        new CaptureInstaller(db.dialect).uninstall(c, List.of("person", "sale"));
        new CaptureInstaller(db.dialect).uninstall(c, List.of("person"));
      }
      db.exec("INSERT INTO person (id, name) VALUES (2, 'Bo')", "DELETE FROM person WHERE id = 1");
      assertEquals(1, db.count("SELECT COUNT(*) FROM sync_change"));
    }
  }
}
