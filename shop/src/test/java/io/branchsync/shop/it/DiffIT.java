package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * diff: the shop's own changes, read after a cursor, acknowledged by passing the cursor back, with
 * nothing skipped and nothing sent again once acknowledged.
 */
class DiffIT {

  private static final int MAX_CHANGES = 10;
  private static final Map<TestDialect, ShopFixture> SHOPS = new EnumMap<>(TestDialect.class);
  private static final AtomicLong IDS = new AtomicLong(100);

  static synchronized ShopFixture shop(TestDialect which) throws Exception {
    ShopFixture shop =
        SHOPS.computeIfAbsent(
            which,
            w -> ShopFixture.start(w, Map.of("diff.max.changes", Integer.toString(MAX_CHANGES))));
    drain(shop);
    return shop;
  }

  @AfterAll
  static void stop() {
    SHOPS.values().forEach(ShopFixture::close);
    SHOPS.clear();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void diffSendsTheShopsChangesInItsDialectAndPassingNextBackAcknowledgesThem(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    long id = IDS.getAndAdd(10);
    insertSales(shop, id, id + 1);
    shop.exec("UPDATE sale SET total = 99 WHERE id = " + id);
    shop.exec("DELETE FROM sale WHERE id = " + (id + 1));

    Batch batch = diff(shop, "");

    assertEquals(List.of(id), upserted(batch, "sale"));
    assertEquals(List.of(id + 1), deleted(batch, "sale"));
    assertTrue(batch.next.startsWith("c1:"), batch.next);
    assertFalse(batch.more);
    assertEquals(4, pending(shop), "insert, insert, update, delete wait for acknowledgement");

    Batch after = diff(shop, batch.next);

    assertTrue(after.statements.isEmpty());
    assertEquals(0, pending(shop));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aRepeatedDiffReturnsTheSameChangesAndAnyNewOnes(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String since = cursor(shop);
    long id = IDS.getAndAdd(10);
    insertSales(shop, id);

    Object first = shop.call("diff", since);
    Object again = shop.call("diff", since);
    insertSales(shop, id + 1);
    Batch third = diff(shop, since);

    assertArrayEquals(data(first), data(again), "a lost reply loses nothing");
    assertEquals(List.of(id, id + 1), upserted(third, "sale"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void lateCommittingTransactionIsNotSkipped(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String since = cursor(shop);
    long early = IDS.getAndAdd(10);
    long late = early + 1;
    Batch first;
    Batch second;
    try (Connection slow = shop.db.connect()) {
      slow.setAutoCommit(false);
      insertSale(slow, early);
      // a transaction that started later commits first
      insertSales(shop, late);
      first = diff(shop, since);
      slow.commit();
    }
    second = diff(shop, first.next);
    Batch third = diff(shop, second.next);

    assertEquals(List.of(late), upserted(first, "sale"));
    assertEquals(List.of(early), upserted(second, "sale"));
    assertTrue(third.statements.isEmpty());
    assertEquals(0, pending(shop));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void whileTheShopKeepsWritingNothingIsSkippedOrSentTwice(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String since = cursor(shop);
    long first = IDS.getAndAdd(100_000);
    int transactions = 150;
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = shop.db.connect()) {
                c.setAutoCommit(false);
                for (int i = 0; i < transactions; i++) {
                  insertSale(c, first + 2L * i);
                  insertSale(c, first + 2L * i + 1);
                  c.commit();
                  Thread.sleep(2);
                }
              } catch (SQLException | RuntimeException | InterruptedException e) {
                failures.add(e);
              }
            });
    writer.start();
    List<Long> received = new ArrayList<>();
    while (writer.isAlive()) {
      Batch batch = diff(shop, since);
      received.addAll(upserted(batch, "sale"));
      since = batch.next;
    }
    assertEquals(List.of(), failures, "the shop's own writes never failed");
    Batch batch;
    do {
      batch = diff(shop, since);
      received.addAll(upserted(batch, "sale"));
      since = batch.next;
    } while (batch.more || !batch.statements.isEmpty());

    Set<Long> expected = new HashSet<>();
    for (long id = first; id < first + 2L * transactions; id++) {
      expected.add(id);
    }
    assertEquals(expected, new HashSet<>(received), "nothing skipped");
    assertEquals(expected.size(), received.size(), "nothing sent twice after acknowledgement");
    assertEquals(0, pending(shop));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void largeBacklogsComeInBatchesWithMore(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String since = cursor(shop);
    long first = IDS.getAndAdd(100);
    for (long id = first; id < first + 25; id++) {
      insertSales(shop, id);
    }

    Batch one = diff(shop, since);
    Batch two = diff(shop, one.next);
    Batch three = diff(shop, two.next);

    assertTrue(one.more);
    assertTrue(two.more);
    assertFalse(three.more);
    assertEquals(
        25,
        upserted(one, "sale").size()
            + upserted(two, "sale").size()
            + upserted(three, "sale").size());
    assertEquals(5, pending(shop), "the last batch is not acknowledged yet");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void rowsAppliedFromTheOfficeAreNotSentBack(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String since = cursor(shop);
    long id = IDS.getAndAdd(10);
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.people(id, 3))));
    shop.call("sql_finish", sid);
    shop.exec("INSERT INTO person (id, name) VALUES (" + (id + 5) + ", 'made at the shop')");

    Batch batch = diff(shop, since);

    assertEquals(List.of(id + 5), upserted(batch, "person"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cursorsThisShopDidNotIssueAreRefused(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String current = cursor(shop);
    insertSales(shop, IDS.getAndAdd(10));
    String next = diff(shop, current).next;
    diff(shop, next);

    for (String bad :
        List.of(
            "garbage",
            "c1:",
            "c1:-1",
            "c1:007",
            "c2:1",
            " c1:1",
            "c1:99999999999",
            "c1:1" + "0".repeat(30))) {
      assertEquals(FaultCode.BAD_CURSOR.code(), shop.fault("diff", bad).code, bad);
    }
    assertEquals(
        FaultCode.BAD_CURSOR.code(),
        shop.fault("diff", current).code,
        "a cursor older than one passed back: its changes were purged");
    assertTrue(shop.call("diff", "") instanceof Map, "starting over is always possible");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void startingOverOnAnIdleShopAnswersACursorThatIsThenAccepted(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    long id = IDS.getAndAdd(10);
    insertSales(shop, id);
    drain(shop);

    // an office that lost its cursor (restored database, second office) starts over
    Batch fresh = diff(shop, "");
    Batch next = diff(shop, fresh.next);

    assertTrue(fresh.statements.isEmpty(), "everything was acknowledged");
    assertTrue(next.statements.isEmpty());
    insertSales(shop, id + 1);
    assertEquals(
        List.of(id + 1),
        upserted(diff(shop, next.next), "sale"),
        "the cursor from starting over keeps serving new changes");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void startingOverResendsWhatWasNotAcknowledged(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    long id = IDS.getAndAdd(10);
    insertSales(shop, id);
    diff(shop, cursor(shop));

    Batch fresh = diff(shop, "");

    assertEquals(List.of(id), upserted(fresh, "sale"), "a change sent but not acknowledged");
    assertTrue(diff(shop, fresh.next).statements.isEmpty());
  }

  // ---------------------------------------------------------------------------------------------

  record Batch(List<ChunkStatement> statements, String next, boolean more) {}

  private static final Map<ShopFixture, String> CURSORS = new java.util.HashMap<>();

  static Batch diff(ShopFixture shop, String since) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) shop.call("diff", since);
    String text = ChunkCodec.decodeToString((byte[]) result.get("data"), 1L << 30);
    List<ChunkStatement> statements = SqlChunkParser.forDialect(shop.sqlDialect).parseAll(text);
    String next = (String) result.get("next");
    CURSORS.put(shop, next);
    return new Batch(statements, next, (Boolean) result.get("more"));
  }

  private static void drain(ShopFixture shop) throws Exception {
    Batch batch;
    do {
      batch = diff(shop, cursor(shop));
    } while (batch.more || !batch.statements.isEmpty());
  }

  private static String cursor(ShopFixture shop) {
    return CURSORS.getOrDefault(shop, "");
  }

  private static byte[] data(Object result) {
    return (byte[]) ((Map<?, ?>) result).get("data");
  }

  private static long pending(ShopFixture shop) throws Exception {
    return ((Number) ((Map<?, ?>) shop.call("info")).get("pending")).longValue();
  }

  static List<Long> upserted(Batch batch, String table) {
    List<Long> ids = new ArrayList<>();
    for (ChunkStatement s : batch.statements) {
      if (s instanceof Upsert upsert && upsert.table().equals(table)) {
        int column = upsert.columns().indexOf("id");
        upsert.rows().forEach(row -> ids.add(id(row.get(column))));
      }
    }
    return ids;
  }

  static List<Long> deleted(Batch batch, String table) {
    List<Long> ids = new ArrayList<>();
    for (ChunkStatement s : batch.statements) {
      if (s instanceof DeleteByKey delete && delete.table().equals(table)) {
        delete.keys().forEach(key -> ids.add(id(key.get(0))));
      }
    }
    return ids;
  }

  private static long id(SqlValue value) {
    return Long.parseLong(((SqlValue.Number) value).literal());
  }

  private static void insertSales(ShopFixture shop, long... ids) throws SQLException {
    try (Connection c = shop.db.connect()) {
      for (long id : ids) {
        insertSale(c, id);
      }
    }
  }

  private static void insertSale(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO sale (id, branch_id, total) VALUES (?, 3, 10)")) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }
}
