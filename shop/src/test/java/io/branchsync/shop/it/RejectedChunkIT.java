package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
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
            new Case(
                "DELETE without key", f -> "DELETE FROM product;\n", FaultCode.SQL_SYNTAX),
            new Case(
                "DELETE by another column",
                f -> "DELETE FROM product WHERE price > 0;\n",
                FaultCode.SQL_SYNTAX),
            new Case(
                "bare UPDATE", f -> "UPDATE product SET price = 0;\n", FaultCode.SQL_SYNTAX),
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
