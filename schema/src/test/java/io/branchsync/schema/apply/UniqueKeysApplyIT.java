package io.branchsync.schema.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.RowRejectedException;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upsert writes only the row with its own primary key, whatever other unique key its values
 * share; rows that trade a unique value within one transaction end right; a value two rows would
 * really share is refused naming both.
 */
class UniqueKeysApplyIT {

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void upsertCarryingAnotherProductsSkuNeverOverwritesThatProduct(TestDialect which)
      throws Exception {
    try (RetailDatabase db = products(which, "A-1", "B-2")) {
      String chunk =
          which == TestDialect.POSTGRESQL
              ? "INSERT INTO product (id, sku, description, price) VALUES (67, 'A-1', 'evil', 0.01)"
                  + " ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku,"
                  + " description = EXCLUDED.description, price = EXCLUDED.price;\n"
              : "INSERT INTO product (id, sku, description, price) VALUES (67, 'A-1', 'evil', 0.01)"
                  + " ON DUPLICATE KEY UPDATE sku = VALUES(sku), description = VALUES(description),"
                  + " price = VALUES(price);\n";
      RowRejectedException refused =
          assertThrows(
              RowRejectedException.class,
              () -> apply(db, SqlChunkParser.forDialect(db.dialect.sqlDialect()).parseAll(chunk)));

      assertEquals("product", refused.table());
      assertEquals("67", refused.key());
      assertEquals("1", refused.otherKey());
      assertTrue(
          refused.getMessage().contains("sku") && refused.getMessage().contains("A-1"),
          refused.getMessage());
      assertEquals(
          List.of(List.of("1", "A-1", "Product A-1"), List.of("2", "B-2", "Product B-2")),
          db.rows("SELECT id, sku, description FROM product ORDER BY id"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void skusSwappedInOneStatementEndRight(TestDialect which) throws Exception {
    try (RetailDatabase db = products(which, "A-1", "B-2")) {
      List<ChunkStatement> swap = List.of(product(1, "B-2"), product(2, "A-1"));
      apply(db, List.of(merged(swap)));
      apply(db, List.of(merged(swap)));

      assertEquals(List.of(List.of("1", "B-2"), List.of("2", "A-1")), skus(db));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void skusRotatedOverSeveralStatementsEndRight(TestDialect which) throws Exception {
    try (RetailDatabase db = products(which, "A-1", "B-2", "C-3")) {
      apply(db, List.of(product(1, "B-2"), product(2, "C-3"), product(3, "A-1")));

      assertEquals(
          List.of(List.of("1", "B-2"), List.of("2", "C-3"), List.of("3", "A-1")), skus(db));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void skuOfAProductDeletedLaterInTheSessionIsTakenOver(TestDialect which) throws Exception {
    try (RetailDatabase db = products(which, "A-1", "B-2")) {
      apply(
          db,
          List.of(
              product(7, "A-1"),
              new DeleteByKey("product", List.of("id"), List.of(List.of(SqlValue.number(1))))));

      assertEquals(List.of(List.of("2", "B-2"), List.of("7", "A-1")), skus(db));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void twoRowsOfOneStatementWithOneSkuAreRefusedNamingBoth(TestDialect which) throws Exception {
    try (RetailDatabase db = products(which, "A-1")) {
      RowRejectedException refused =
          assertThrows(
              RowRejectedException.class,
              () -> apply(db, List.of(merged(List.of(product(5, "X-9"), product(6, "X-9"))))));

      assertEquals("6", refused.key());
      assertEquals("5", refused.otherKey());
      assertEquals(List.of(List.of("1", "A-1")), skus(db));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void keyThatIsNotANumberDeletesNothing(TestDialect which) throws Exception {
    try (RetailDatabase db = products(which, "A-1", "B-2")) {
      SyncException refused =
          assertThrows(
              SyncException.class,
              () ->
                  apply(
                      db,
                      List.of(
                          new DeleteByKey(
                              "product", List.of("id"), List.of(List.of(SqlValue.text("2abc")))))));

      assertEquals(ErrorCode.BAD_CHUNK, refused.code());
      assertTrue(
          refused.getMessage().contains("product")
              && refused.getMessage().contains("id")
              && refused.getMessage().contains("'2abc'"),
          refused.getMessage());
      assertEquals(2, db.count("SELECT COUNT(*) FROM product"));
    }
  }

  /** A database whose products 1, 2, ... hold the given SKUs. */
  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aStatementWritingOneKeyTwiceIsRefusedAndNothingIsApplied(TestDialect which)
      throws Exception {
    try (RetailDatabase db = products(which, "A-1", "B-2")) {
      // an update by key would keep either row, so which is not guessed
      SyncException refused =
          assertThrows(
              SyncException.class,
              () -> apply(db, List.of(merged(List.of(product(1, "X-1"), product(1, "Y-1"))))));

      assertEquals(ErrorCode.BAD_CHUNK, refused.code());
      assertTrue(refused.getMessage().contains("key 1 is written twice"), refused.getMessage());
      assertEquals(List.of(List.of("1", "A-1"), List.of("2", "B-2")), skus(db));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aRefusedRowIsNamedByItsKeyAsSentSoTheOfficeCanSkipIt(TestDialect which) throws Exception {
    try (RetailDatabase db = new RetailDatabase(which)) {
      db.exec("CREATE TABLE shelf (place DECIMAL(6,2) PRIMARY KEY, label VARCHAR(20) NOT NULL)");
      Upsert row =
          new Upsert(
              "shelf",
              List.of("place", "label"),
              List.of("place"),
              List.of(List.of(SqlValue.number(new BigDecimal("1.50")), SqlValue.NULL)));
      RowRejectedException refused =
          assertThrows(
              RowRejectedException.class,
              () -> {
                try (Connection c = db.connect()) {
                  c.setAutoCommit(false);
                  new ChunkApplier(db.dialect, db.catalog(), Set.of("shelf")).apply(c, row);
                  c.rollback();
                }
              });

      // "1.50", not "1.5": the office matches a skip against the key text the chunk carried
      assertEquals("1.50", refused.key());
    }
  }

  private static RetailDatabase products(TestDialect which, String... skus) throws Exception {
    RetailDatabase db = new RetailDatabase(which);
    List<ChunkStatement> rows = new ArrayList<>();
    for (int i = 0; i < skus.length; i++) {
      rows.add(product(i + 1, skus[i]));
    }
    apply(db, List.of(merged(rows)));
    return db;
  }

  private static Upsert product(long id, String sku) {
    return new Upsert(
        "product",
        List.of("id", "sku", "description", "price"),
        List.of("id"),
        List.of(
            List.of(
                SqlValue.number(id),
                SqlValue.text(sku),
                SqlValue.text("Product " + sku),
                SqlValue.number(new BigDecimal("1.00")))));
  }

  private static Upsert merged(List<ChunkStatement> upserts) {
    List<List<SqlValue>> rows = new ArrayList<>();
    upserts.forEach(u -> rows.addAll(((Upsert) u).rows()));
    Upsert first = (Upsert) upserts.get(0);
    return new Upsert(first.table(), first.columns(), first.keyColumns(), rows);
  }

  private static List<List<String>> skus(RetailDatabase db) throws Exception {
    return db.rows("SELECT id, sku FROM product ORDER BY id");
  }

  /** Applies the statements in one transaction, as a session does, and commits. */
  private static void apply(RetailDatabase db, List<ChunkStatement> statements) throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try {
        ChunkApplier applier = new ChunkApplier(db.dialect, db.catalog(), Set.of("product"));
        applier.apply(c, statements.iterator());
        applier.finish();
        c.commit();
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
