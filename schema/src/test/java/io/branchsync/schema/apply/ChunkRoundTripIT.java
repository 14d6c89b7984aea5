package io.branchsync.schema.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.RowRejectedException;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.testkit.TestDialect;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkRoundTripIT {

  static Stream<Arguments> pairs() {
    return Stream.of(TestDialect.values())
        .flatMap(from -> Stream.of(TestDialect.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("pairs")
  void everyValueSurvivesTheTrip(TestDialect from, TestDialect to) throws Exception {
    try (RoundTrip trip = new RoundTrip(from, to)) {
      List<List<Object>> rows = new ArrayList<>();
      rows.add(
          Arrays.asList(
              1L,
              "it's \"quoted\" \\ back\\slash",
              "line1\nline2\ttab\r",
              new BigDecimal("12345678901234567890.1234567890"),
              2147483647,
              true,
              LocalDateTime.of(2026, 11, 26, 7, 30, 59, 123456000),
              LocalDate.of(1999, 12, 31),
              new byte[] {0, 39, 92, 10, -1, 34}));
      rows.add(
          Arrays.asList(
              2L,
              "'; DROP TABLE kinds; --",
              "Ünïcödé ✓ 漢字 😀🧾",
              new BigDecimal("-0.0000000001"),
              -2147483648,
              false,
              LocalDateTime.of(1970, 1, 1, 0, 0),
              LocalDate.of(2100, 2, 28),
              new byte[0]));
      rows.add(Arrays.asList(3L, "", "NULL", BigDecimal.ZERO, 0, null, null, null, null));
      rows.add(Arrays.asList(4L, null, null, null, null, null, null, null, null));
      trip.insertAtSource(rows);
      trip.sync();
      assertEquals(RoundTrip.rows(trip.source), RoundTrip.rows(trip.target));
      assertEquals(
          1,
          trip.target.count("SELECT COUNT(*) FROM kinds WHERE label = '''; DROP TABLE kinds; --'"));
    }
  }

  @ParameterizedTest(name = "{0} to {1}")
  @MethodSource("pairs")
  void updatesAndDeletesArriveAndRepeatingAChunkChangesNothing(TestDialect from, TestDialect to)
      throws Exception {
    try (RoundTrip trip = new RoundTrip(from, to)) {
      trip.insertAtSource(
          List.of(
              Arrays.asList(1L, "a", null, null, 1, true, null, null, null),
              Arrays.asList(2L, "b", null, null, 2, true, null, null, null)));
      trip.sync();
      trip.source.exec(
          "UPDATE kinds SET label = 'a2' WHERE id = 1", "DELETE FROM kinds WHERE id = 2");
      String chunk = trip.sync();
      assertEquals(RoundTrip.rows(trip.source), RoundTrip.rows(trip.target));
      try (Connection c = trip.target.connect()) {
        c.setAutoCommit(false);
        new ChunkApplier(trip.target.dialect, trip.target.catalog(), Set.of("kinds"))
            .apply(
                c,
                SqlChunkParser.forDialect(trip.target.dialect.sqlDialect())
                    .open(new StringReader(chunk)));
        c.commit();
      }
      assertEquals(RoundTrip.rows(trip.source), RoundTrip.rows(trip.target));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void refusesTablesTheReceivingSideDoesNotAcceptAndAppliesNothing(TestDialect dialect)
      throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      String chunk =
          db.dialect.sqlDialect().name().equals("POSTGRESQL")
              ? "INSERT INTO \"person\" (\"id\", \"name\") VALUES (1, 'x') ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\";\n"
                  + "INSERT INTO \"sale\" (\"id\", \"branch_id\", \"total\") VALUES (1, 1, 1) ON CONFLICT (\"id\") DO UPDATE SET \"branch_id\" = EXCLUDED.\"branch_id\", \"total\" = EXCLUDED.\"total\";\n"
              : "INSERT INTO `person` (`id`, `name`) VALUES (1, 'x') ON DUPLICATE KEY UPDATE `name` = VALUES(`name`);\n"
                  + "INSERT INTO `sale` (`id`, `branch_id`, `total`) VALUES (1, 1, 1) ON DUPLICATE KEY UPDATE `branch_id` = VALUES(`branch_id`), `total` = VALUES(`total`);\n";
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        SyncException e =
            assertThrows(
                SyncException.class,
                () ->
                    new ChunkApplier(db.dialect, db.catalog(), Set.of("person", "product"))
                        .apply(
                            c,
                            SqlChunkParser.forDialect(db.dialect.sqlDialect())
                                .open(new StringReader(chunk))));
        c.rollback();
        assertEquals(ErrorCode.TABLE_NOT_ALLOWED, e.code());
        assertTrue(
            e.getMessage().contains("line 2") && e.getMessage().contains("sale"), e.getMessage());
      }
      assertEquals(0, db.count("SELECT COUNT(*) FROM person"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void aRowTheDatabaseRejectsIsNamedWithTableKeyAndReason(TestDialect dialect) throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      boolean pg = dialect == TestDialect.POSTGRESQL;
      String q = pg ? "\"" : "`";
      String chunk =
          "INSERT INTO "
              + q
              + "sale_item"
              + q
              + " ("
              + q
              + "id"
              + q
              + ", "
              + q
              + "sale_id"
              + q
              + ", "
              + q
              + "product_id"
              + q
              + ", "
              + q
              + "quantity"
              + q
              + ", "
              + q
              + "price"
              + q
              + ") VALUES (7, 999, 999, 1, 1) "
              + (pg
                  ? "ON CONFLICT (\"id\") DO UPDATE SET \"sale_id\" = EXCLUDED.\"sale_id\","
                      + " \"product_id\" = EXCLUDED.\"product_id\", \"quantity\" = EXCLUDED.\"quantity\","
                      + " \"price\" = EXCLUDED.\"price\";\n"
                  : "ON DUPLICATE KEY UPDATE `sale_id` = VALUES(`sale_id`), `product_id` = VALUES(`product_id`),"
                      + " `quantity` = VALUES(`quantity`), `price` = VALUES(`price`);\n");
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        RowRejectedException e =
            assertThrows(
                RowRejectedException.class,
                () ->
                    new ChunkApplier(db.dialect, db.catalog(), Set.of("sale_item"))
                        .apply(
                            c,
                            SqlChunkParser.forDialect(db.dialect.sqlDialect())
                                .open(new StringReader(chunk))));
        c.rollback();
        assertEquals("sale_item", e.table());
        assertEquals("7", e.key());
        assertTrue(e.reason().toLowerCase().contains("foreign key"), e.reason());
      }
    }
  }
}
