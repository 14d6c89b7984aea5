package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.message.SessionToken;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sql_prepare} with a token: repeatable after a lost reply, and a new token rolls back what
 * an office run that died left open, so neither the session limit nor a till waits for expiry. A
 * lost reply is a call whose answer the caller throws away: the shop did the same work.
 */
class SessionTokenIT {

  private static String token() {
    return SessionToken.random().toWire();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aPrepareRepeatedWithItsTokenGetsTheSameSession(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      String token = token();
      int sid = (Integer) shop.call("sql_prepare", token);

      assertEquals(sid, shop.call("sql_prepare", token));
      assertEquals(sid, shop.call("sql_prepare", token));
      shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(1, 5))));
      assertEquals(5, ((Map<?, ?>) shop.call("sql_finish", sid)).get("rows"));
      assertEquals(5, shop.count("product"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void lostPrepareRepliesNeverRunOutOfSessions(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      // one run whose prepare reply is lost six times, repeating it with the same token
      String token = token();
      int first = (Integer) shop.call("sql_prepare", token);
      for (int lost = 0; lost < 6; lost++) {
        assertEquals(first, shop.call("sql_prepare", token));
      }
      // six runs that each died after a lost prepare reply, each with a token of its own
      for (int run = 0; run < 6; run++) {
        shop.call("sql_prepare", token());
      }

      int sid = (Integer) shop.call("sql_prepare", token());
      shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(1, 3))));
      assertEquals(3, ((Map<?, ?>) shop.call("sql_finish", sid)).get("rows"));
      assertEquals(
          FaultCode.UNKNOWN_SESSION.code(), shop.fault("sql_finish", first).code, "rolled back");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void preparesWithoutATokenStillStopAtTheLimit(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      int plain = (Integer) shop.call("sql_prepare");
      for (int i = 1; i < 4; i++) {
        shop.call("sql_prepare");
      }

      assertEquals(FaultCode.TOO_MANY_SESSIONS.code(), shop.fault("sql_prepare").code);
      // a tokened run does not roll back sessions it cannot know to be its own office's
      assertEquals(FaultCode.TOO_MANY_SESSIONS.code(), shop.fault("sql_prepare", token()).code);
      shop.call("sql_create", plain, shop.chunk(List.of(Rows.products(1, 1))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void malformedTokensAreBadArguments(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      for (Object bad : new Object[] {"short", "x".repeat(65), "0123456789abcdef;DROP", 42}) {
        XmlRpcException e = shop.fault("sql_prepare", bad);
        assertEquals(FaultCode.BAD_ARGUMENT.code(), e.code, e.getMessage());
        assertTrue(e.getMessage().contains("sql_prepare.token"), e.getMessage());
      }
      assertEquals(FaultCode.BAD_ARGUMENT.code(), shop.fault("sql_prepare", token(), 1).code);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aDeadRunsLockedRowsAreFreedAsSoonAsTheNextRunPrepares(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      int seed = (Integer) shop.call("sql_prepare");
      shop.call("sql_create", seed, shop.chunk(List.of(Rows.products(1, 50))));
      shop.call("sql_finish", seed);
      int dead = (Integer) shop.call("sql_prepare", token());
      shop.call(
          "sql_create",
          dead,
          shop.chunk(List.of(Rows.product(1, "from a run that died"), Rows.products(2, 49))));
      // the office dies here, its upserts holding every product row

      long tillStarted = System.nanoTime();
      CompletableFuture<Long> till = CompletableFuture.supplyAsync(() -> sellAndReprice(shop));
      Thread.sleep(1_500);
      assertFalse(till.isDone(), "the till waits on the rows of the unfinished session");

      long prepared = System.nanoTime();
      int next = (Integer) shop.call("sql_prepare", token());
      long tillDone = till.get(60, TimeUnit.SECONDS);
      long afterPrepare = (tillDone - prepared) / 1_000_000;
      System.out.printf(
          "%s: the till waited %d ms in all, %d ms after the next run's sql_prepare%n",
          which, (tillDone - tillStarted) / 1_000_000, afterPrepare);
      assertTrue(afterPrepare < 2_000, "the till went on " + afterPrepare + " ms after prepare");

      assertNotEquals(dead, next);
      assertEquals(FaultCode.UNKNOWN_SESSION.code(), shop.fault("sql_finish", dead).code);
      assertEquals("Product 1", shop.stringValue("SELECT description FROM product WHERE id = 1"));
      assertEquals("5.00", shop.stringValue("SELECT price FROM product WHERE id = 1"));
      assertEquals(1, shop.count("sale_item"));
      shop.call("sql_create", next, shop.chunk(List.of(Rows.products(51, 2))));
      assertEquals(2, ((Map<?, ?>) shop.call("sql_finish", next)).get("rows"));
    }
  }

  /** A till's sale of product 2 and a price change of product 1; returns when it committed. */
  private static long sellAndReprice(ShopFixture shop) {
    boolean postgres = shop.which == TestDialect.POSTGRESQL;
    try (Connection c = shop.db.connect();
        Statement s = c.createStatement()) {
      // bounded, so that a test on code that never frees the rows fails instead of hanging
      s.execute(
          postgres ? "SET lock_timeout = '45s'" : "SET SESSION innodb_lock_wait_timeout = 45");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO sale (id, branch_id, total) VALUES (30000001, 3, 9.99)");
      s.executeUpdate(
          "INSERT INTO sale_item (id, sale_id, product_id, quantity, price)"
              + " VALUES (30000001, 30000001, 2, 1, 9.99)");
      s.executeUpdate("UPDATE product SET price = 5.00 WHERE id = 1");
      c.commit();
      return System.nanoTime();
    } catch (SQLException e) {
      throw new IllegalStateException("the till failed: " + e.getMessage(), e);
    }
  }
}
