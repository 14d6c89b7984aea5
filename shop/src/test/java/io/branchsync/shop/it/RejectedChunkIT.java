package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.RejectedRow;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.testkit.TestDialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chunks the shop must refuse: the whole session is rejected and not one row of it lands, neither
 * from the bad chunk nor from the good chunks staged before it.
 */
class RejectedChunkIT {

  private static final List<String> TABLES =
      List.of("parameter", "product", "service", "person", "sale", "sale_item", "payment");
  private static final Map<TestDialect, ShopFixture> SHOPS = new EnumMap<>(TestDialect.class);
  private static final AtomicLong IDS = new AtomicLong(5000);

  static synchronized ShopFixture shop(TestDialect which) {
    return SHOPS.computeIfAbsent(which, w -> ShopFixture.start(w, Map.of()));
  }

  @AfterAll
  static void stop() {
    SHOPS.values().forEach(ShopFixture::close);
    SHOPS.clear();
  }

  /** A bad chunk: its SQL text and the fault, which comes at its sql_create. */
  record Case(String name, Function<ShopFixture, String> sql, FaultCode fault) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> cases =
        List.of(
            new Case("DROP TABLE", f -> "DROP TABLE product;\n", FaultCode.SQL_SYNTAX),
            new Case("DELETE without key", f -> "DELETE FROM product;\n", FaultCode.SQL_SYNTAX),
            new Case(
                "DELETE by another column",
                f -> "DELETE FROM product WHERE price > 0;\n",
                FaultCode.SQL_SYNTAX),
            new Case("bare UPDATE", f -> "UPDATE product SET price = 0;\n", FaultCode.SQL_SYNTAX),
            new Case(
                "second statement after an upsert",
                f ->
                    upsert(f, Rows.products(IDS.getAndAdd(10), 1))
                        .replaceFirst(";\n$", "; DELETE FROM product;\n"),
                FaultCode.SQL_SYNTAX),
            new Case("SELECT", f -> "SELECT * FROM product;\n", FaultCode.SQL_SYNTAX),
            new Case(
                "FromTarget table from the office",
                f -> upsert(f, sale(IDS.getAndAdd(10))),
                FaultCode.TABLE_NOT_ALLOWED),
            new Case(
                "unknown table",
                f ->
                    upsert(
                        f,
                        new Upsert(
                            "secrets",
                            List.of("id"),
                            List.of("id"),
                            List.of(List.of(SqlValue.number(1))))),
                FaultCode.TABLE_NOT_ALLOWED),
            new Case(
                "upsert on a column that is not the key",
                f ->
                    upsert(
                        f,
                        new Upsert(
                            "product",
                            List.of("id", "sku", "description", "price"),
                            List.of("sku"),
                            Rows.products(IDS.getAndAdd(10), 1).rows())),
                FaultCode.SQL_SYNTAX),
            new Case(
                "row the database refuses",
                f ->
                    upsert(
                        f,
                        new Upsert(
                            "person",
                            List.of("id", "name"),
                            List.of("id"),
                            List.of(
                                List.of(SqlValue.number(IDS.getAndAdd(10)), new SqlValue.Null())))),
                FaultCode.APPLY_FAILED));
    List<Arguments> all = new ArrayList<>();
    for (TestDialect which : TestDialect.values()) {
      cases.forEach(c -> all.add(Arguments.of(which, c)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void badChunkRejectsTheWholeSessionAndNothingLands(TestDialect which, Case bad) throws Exception {
    ShopFixture shop = shop(which);
    Map<String, Long> before = counts(shop);
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(IDS.getAndAdd(10), 5))));
    byte[] chunk = ChunkCodec.encode(bad.sql().apply(shop));

    XmlRpcException fault = shop.fault("sql_create", sid, chunk);
    assertEquals(
        bad.fault().code(),
        shop.fault("sql_finish", sid).code,
        "the session was discarded with the chunk");

    assertEquals(bad.fault().code(), fault.code, fault.getMessage());
    assertTrue(
        fault.getMessage().contains("line"), "the fault names the line: " + fault.getMessage());
    assertEquals(before, counts(shop), "not one row of the session landed");
  }

  static Stream<Arguments> literals() {
    List<String[]> literals =
        List.of(
            new String[] {"delete", "id", "2abc"},
            new String[] {"upsert", "id", "2abc"},
            new String[] {"upsert", "price", "NaN"},
            new String[] {"upsert", "price", "Infinity"},
            new String[] {"upsert", "price", "-infinity"},
            new String[] {"upsert", "updated_at", "now"},
            new String[] {"upsert", "updated_at", "today"},
            new String[] {"upsert", "updated_at", "0000-00-00 00:00:00"},
            new String[] {"upsert", "updated_at", "0000-00-00"},
            new String[] {"upsert", "updated_at", "2026-02-30 10:00:00"},
            new String[] {"upsert", "active", "yes"},
            new String[] {"upsert", "sku", "S".repeat(65)});
    List<Arguments> all = new ArrayList<>();
    for (TestDialect which : TestDialect.values()) {
      literals.forEach(l -> all.add(Arguments.of(which, l[0], l[1], l[2])));
    }
    return all.stream();
  }

  /** Text a database would read as something else never reaches it: the session is refused. */
  @ParameterizedTest(name = "{0} {1} {2} = {3}")
  @MethodSource("literals")
  void literalTheDatabaseWouldReinterpretIsRefusedNamingTableColumnAndValue(
      TestDialect which, String kind, String column, String literal) throws Exception {
    ShopFixture shop = shop(which);
    long id = IDS.getAndAdd(10);
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(id, 2))));
    shop.call("sql_finish", sid);
    Map<String, Long> before = counts(shop);

    sid = (Integer) shop.call("sql_prepare");
    String sql =
        kind.equals("delete")
            ? "DELETE FROM product WHERE id IN (" + (id + 1) + ", '" + literal + "');\n"
            : upsert(shop, productWith(id + 1, column, literal));
    XmlRpcException fault = shop.fault("sql_create", sid, ChunkCodec.encode(sql));

    assertEquals(FaultCode.SQL_SYNTAX.code(), fault.code, fault.getMessage());
    String shown = literal.length() > 60 ? literal.substring(0, 60) : literal;
    assertTrue(
        fault.getMessage().contains("line 1")
            && fault.getMessage().contains("product")
            && fault.getMessage().contains("column " + column)
            && fault.getMessage().contains("'" + shown),
        fault.getMessage());
    assertEquals(before, counts(shop), "nothing of the session landed");
    assertEquals(
        "SKU-" + (id + 1), shop.stringValue("SELECT sku FROM product WHERE id = " + (id + 1)));
  }

  /**
   * The attack of an upsert that carries another product's SKU: MySQL's ON DUPLICATE KEY UPDATE
   * would have rewritten that product. The shop applies by primary key only and refuses the row.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void upsertCarryingAnotherProductsSkuIsRefusedAndThatProductStays(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    long victim = IDS.getAndAdd(10);
    long attacker = victim + 5;
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(victim, 1))));
    shop.call("sql_finish", sid);
    Map<String, Long> before = counts(shop);
    String values = "VALUES (" + attacker + ", 'SKU-" + victim + "', 'evil', 0.01)";
    String sql =
        which == TestDialect.POSTGRESQL
            ? "INSERT INTO product (id, sku, description, price) "
                + values
                + " ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku,"
                + " description = EXCLUDED.description, price = EXCLUDED.price;\n"
            : "INSERT INTO product (id, sku, description, price) "
                + values
                + " ON DUPLICATE KEY UPDATE sku = VALUES(sku), description = VALUES(description),"
                + " price = VALUES(price);\n";

    sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, ChunkCodec.encode(sql));
    XmlRpcException fault = shop.fault("sql_finish", sid);

    assertEquals(FaultCode.APPLY_FAILED.code(), fault.code, fault.getMessage());
    assertTrue(
        fault.getMessage().contains("table product key " + attacker + ":")
            && fault.getMessage().contains("key " + victim)
            && fault.getMessage().contains("sku"),
        fault.getMessage());
    assertEquals(
        Optional.of(new RejectedRow("product", Long.toString(attacker), Long.toString(victim))),
        RejectedRow.in(fault.getMessage()),
        fault.getMessage());
    assertEquals(before, counts(shop));
    assertEquals(
        "Product " + victim,
        shop.stringValue("SELECT description FROM product WHERE id = " + victim));
    assertEquals(0, shop.longValue("SELECT COUNT(*) FROM product WHERE id = " + attacker));
  }

  /** The office reads table and key back from the fault's last line, whatever the key holds. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aRefusedRowIsNamedExactlyEvenWithSpacesAndColonsInItsKey(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    String key = "opening hours: mon | sat";
    shop.exec("ALTER TABLE parameter ADD CONSTRAINT no_blocked CHECK (value NOT LIKE '%blocked%')");
    try {
      int sid = (Integer) shop.call("sql_prepare");
      XmlRpcException fault =
          shop.fault(
              "sql_create",
              sid,
              shop.chunk(
                  List.of(
                      new Upsert(
                          "parameter",
                          List.of("name", "value"),
                          List.of("name"),
                          List.of(List.of(SqlValue.text(key), SqlValue.text("blocked: 9-5")))))));

      assertEquals(FaultCode.APPLY_FAILED.code(), fault.code, fault.getMessage());
      assertEquals(
          Optional.of(new RejectedRow("parameter", key, null)),
          RejectedRow.in(fault.getMessage()),
          fault.getMessage());
      assertTrue(
          RejectedRow.withoutLine(fault.getMessage()).contains("table parameter key " + key + ":"),
          fault.getMessage());
    } finally {
      shop.exec("ALTER TABLE parameter DROP CONSTRAINT no_blocked");
    }
  }

  private static Upsert productWith(long id, String column, String literal) {
    List<String> columns = List.of("id", "sku", "description", "price", "active", "updated_at");
    List<SqlValue> row =
        new ArrayList<>(
            List.of(
                SqlValue.number(id),
                SqlValue.text("SKU-" + id),
                SqlValue.text("changed"),
                SqlValue.number(new java.math.BigDecimal("1.00")),
                SqlValue.TRUE,
                SqlValue.text("2026-01-02 03:04:05")));
    row.set(columns.indexOf(column), SqlValue.text(literal));
    return new Upsert("product", columns, List.of("id"), List.of(row));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void sqlInsideAStringLiteralIsStoredAsText(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    long id = IDS.getAndAdd(10);
    String text = "x'); DROP TABLE product; -- \\' \" ; DELETE FROM person;";
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.product(id, text))));
    shop.call("sql_finish", sid);

    assertEquals(text, shop.stringValue("SELECT description FROM product WHERE id = " + id));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void notGzipIsRefusedAndTheShopServesTheNextCall(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    int sid = (Integer) shop.call("sql_prepare");
    XmlRpcException fault =
        shop.fault(
            "sql_create",
            sid,
            "DELETE FROM product;".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(FaultCode.CHUNK_NOT_GZIP.code(), fault.code);
    assertTrue(shop.call("info") instanceof Map);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void gzipBombIsRefusedQuicklyAndTheShopServesTheNextCall(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    byte[] bomb = GzipBomb.spaces();
    int sid = (Integer) shop.call("sql_prepare");
    long started = System.nanoTime();

    XmlRpcException fault = shop.fault("sql_create", sid, bomb);

    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(FaultCode.CHUNK_TOO_LARGE.code(), fault.code, fault.getMessage());
    assertTrue(millis < 15_000, "refused in " + millis + " ms");
    assertTrue(shop.call("info") instanceof Map);
  }

  private static String upsert(ShopFixture shop, Upsert statement) {
    return SqlChunkWriter.forDialect(shop.sqlDialect).toSql(statement);
  }

  private static Upsert sale(long id) {
    return new Upsert(
        "sale",
        List.of("id", "branch_id", "total"),
        List.of("id"),
        List.of(List.of(SqlValue.number(id), SqlValue.number(3), SqlValue.number(10))));
  }

  private static Map<String, Long> counts(ShopFixture shop) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, shop.count(table));
    }
    return counts;
  }
}
