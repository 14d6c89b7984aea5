package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.testkit.TestDialect;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** sql_prepare, sql_create and sql_finish over real HTTP, on both dialects. */
class InsertionSessionIT {

  private static final Map<TestDialect, ShopFixture> SHOPS = new EnumMap<>(TestDialect.class);
  private static final AtomicLong IDS = new AtomicLong(1000);

  static synchronized ShopFixture shop(TestDialect which) {
    return SHOPS.computeIfAbsent(
        which,
        w ->
            ShopFixture.start(
                w,
                Map.of(
                    "limit.sessions", "3",
                    "limit.session.bytes", "1MiB")));
  }

  @AfterAll
  static void stop() {
    SHOPS.values().forEach(ShopFixture::close);
    SHOPS.clear();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void finishAppliesEveryStagedChunkInOrder(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    long first = IDS.getAndAdd(100);
    long before = shop.count("product");
    int sid = (Integer) shop.call("sql_prepare");
    assertEquals(true, shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(first, 60)))));
    assertEquals(
        true,
        shop.call(
            "sql_create",
            sid,
            shop.chunk(
                List.of(Rows.products(first + 60, 40), Rows.deleteProducts(first, first + 1)))));
    assertEquals(before, shop.count("product"), "nothing is visible before sql_finish");

    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) shop.call("sql_finish", sid);

    assertEquals(3, result.get("statements"));
    assertEquals(102, result.get("rows"));
    assertEquals(before + 98, shop.count("product"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void resentIdenticalChunkChangesNothing(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    long first = IDS.getAndAdd(100);
    byte[] chunk = shop.chunk(List.of(Rows.products(first, 10)));
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, chunk);
    shop.call("sql_create", sid, chunk);

    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) shop.call("sql_finish", sid);

    assertEquals(1, result.get("statements"), "the resent chunk was not staged twice");
    assertEquals(10, result.get("rows"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void repeatedFinishReturnsTheSameResultAndAppliesNothingTwice(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    long first = IDS.getAndAdd(100);
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(first, 5))));
    Object once = shop.call("sql_finish", sid);
    // the shop changes the row after the first finish: a second apply would undo that
    shop.exec("UPDATE product SET description = 'changed at shop' WHERE id = " + first);

    Object twice = shop.call("sql_finish", sid);

    assertEquals(once, twice);
    assertEquals(
        "changed at shop", shop.stringValue("SELECT description FROM product WHERE id = " + first));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void sessionIdsAreRandomAndPositive(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      int sid = (Integer) shop.call("sql_prepare");
      assertTrue(sid > 0);
      ids.add(sid);
      shop.call("sql_finish", sid);
    }
    assertEquals(3, ids.size());
    List<Integer> sorted = ids.stream().sorted().toList();
    assertNotEquals(sorted.get(0) + 1, sorted.get(1), "ids are not sequential");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void unknownSessionIsAFault(TestDialect which) {
    ShopFixture shop = shop(which);
    XmlRpcException create =
        shop.fault("sql_create", 12345, shop.chunk(List.of(Rows.products(1, 1))));
    XmlRpcException finish = shop.fault("sql_finish", 12345);

    assertEquals(FaultCode.UNKNOWN_SESSION.code(), create.code);
    assertEquals(FaultCode.UNKNOWN_SESSION.code(), finish.code);
    assertTrue(finish.getMessage().contains("12345"), finish.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void tooManySessionsIsAFaultUntilOneFinishes(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    int a = (Integer) shop.call("sql_prepare");
    int b = (Integer) shop.call("sql_prepare");
    int c = (Integer) shop.call("sql_prepare");

    XmlRpcException fault = shop.fault("sql_prepare");
    assertEquals(FaultCode.TOO_MANY_SESSIONS.code(), fault.code);

    shop.call("sql_finish", a);
    int d = (Integer) shop.call("sql_prepare");
    for (int sid : new int[] {b, c, d}) {
      shop.call("sql_finish", sid);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void sessionsAtTheLimitHoldingTransactionsLeaveConnectionsForOtherCalls(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    long before = shop.count("product");
    int[] sids = new int[3];
    for (int i = 0; i < sids.length; i++) {
      sids[i] = (Integer) shop.call("sql_prepare");
      shop.call("sql_create", sids[i], shop.chunk(List.of(Rows.products(IDS.getAndAdd(100), 10))));
    }

    assertTrue(shop.call("info") instanceof Map, "info answers while every session holds one");
    assertTrue(shop.call("diff", "") instanceof Map, "diff answers too");
    assertEquals(before, shop.count("product"), "nothing is visible before sql_finish");

    for (int sid : sids) {
      shop.call("sql_finish", sid);
    }
    assertEquals(before + 30, shop.count("product"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void stagedBytesBeyondTheSessionLimitDiscardTheSession(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    long first = IDS.getAndAdd(100);
    long before = shop.count("product");
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(first, 3))));

    XmlRpcException fault = shop.fault("sql_create", sid, new byte[(1 << 20) + 1]);

    assertEquals(FaultCode.SESSION_TOO_LARGE.code(), fault.code);
    assertEquals(FaultCode.SESSION_TOO_LARGE.code(), shop.fault("sql_finish", sid).code);
    assertEquals(before, shop.count("product"), "nothing of the discarded session landed");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void emptySessionFinishesWithNothing(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, new byte[0]);
    assertEquals(Map.of("statements", 0, "rows", 0), shop.call("sql_finish", sid));
  }
}
