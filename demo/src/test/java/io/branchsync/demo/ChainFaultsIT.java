package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.demo.RetailActions.Line;
import io.branchsync.office.client.ShopClient;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Links that drop, shops that stop, an office that dies mid-pull or mid-push: nothing lost, nothing
 * doubled, nothing left waiting.
 */
class ChainFaultsIT {
  /** Few quick retries, so a dead shop fails the run fast. */
  private static final Map<String, String> IMPATIENT_OFFICE = ChainNodes.impatientOffice(20_000);

  private static LocalChain chainWithProvisionedShop(
      TestDialect shopDialect, Map<String, String> shopSettings) throws Exception {
    return chainWithProvisionedShop(shopDialect, shopSettings, IMPATIENT_OFFICE);
  }

  private static LocalChain chainWithProvisionedShop(
      TestDialect shopDialect, Map<String, String> shopSettings, Map<String, String> officeSettings)
      throws Exception {
    LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL, officeSettings);
    try {
      chain.addShop(1, shopDialect, shopSettings);
      try (Connection office = chain.office().dataSource().getConnection()) {
        for (int i = 1; i <= 20; i++) {
          RetailActions.addProduct(office, "P-" + i, "Product " + i, new BigDecimal("1.00"));
        }
        RetailActions.addPerson(office, "Ana", "ana@example.com");
      }
      new Provisioner(chain.office()).provision(branch(chain), rows -> {});
      return chain;
    } catch (Exception | Error e) {
      chain.close();
      throw e;
    }
  }

  private static Branch branch(LocalChain chain) {
    return chain.office().branches().require(1);
  }

  private static SyncOutcome sync(LocalChain chain) {
    return new BranchSyncer(chain.office()).sync(branch(chain));
  }

  private static void sellMany(ChainShop shop, int sales) throws Exception {
    try (Connection c = shop.connect()) {
      List<Long> products = RetailActions.ids(c, "product");
      for (int i = 0; i < sales; i++) {
        RetailActions.sell(
            c,
            1,
            null,
            List.of(
                new Line(
                    products.get(i % products.size()), BigDecimal.ONE, new BigDecimal("1.00"))),
            "cash");
      }
    }
  }

  private static void assertConverged(LocalChain chain) throws Exception {
    assertEquals(
        List.of(), new ConvergenceCheck(chain, PolicySetLoader.load("retail")).differences());
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void shopDownDuringSyncIsAClearErrorAndTheNextRunCatchesUp(TestDialect dialect) throws Exception {
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of())) {
      ChainShop shop = chain.shop(1);
      shop.stop();
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.changePrice(
            office, RetailActions.ids(office, "product").get(0), new BigDecimal("9.99"));
      }
      sellMany(shop, 5); // the till keeps selling while the server is down

      SyncOutcome down = sync(chain);
      assertFalse(down.ok());
      assertTrue(down.error().contains("no answer"), down.error());
      String recorded = chain.office().states().find(1).orElseThrow().lastError();
      assertNotNull(recorded);

      shop.start();
      chain.reregister(shop);
      SyncOutcome up = sync(chain);
      assertTrue(up.ok(), up.toString());
      assertEquals(5 * 3, up.pulled());
      assertEquals(1, up.pushed());
      assertEquals(null, chain.office().states().find(1).orElseThrow().lastError());
      assertConverged(chain);
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void lostReplyToSqlFinishIsRepeatedAndChangesNothing(TestDialect dialect) throws Exception {
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of());
        LossyProxy proxy = new LossyProxy(chain.shop(1).server().url())) {
      chain.pointBranchAt(1, proxy.url());
      proxy.loseRepliesWhen((method, nth) -> method.equals("sql_finish") && nth == 1);
      try (Connection office = chain.office().dataSource().getConnection()) {
        for (long id : RetailActions.ids(office, "product")) {
          RetailActions.changePrice(office, id, new BigDecimal("2.00"));
        }
        RetailActions.addProduct(office, "NEW", "New", new BigDecimal("5.00"));
      }
      SyncOutcome outcome = sync(chain);
      assertTrue(outcome.ok(), outcome.toString());
      assertEquals(2, proxy.calls().stream().filter("sql_finish"::equals).count());
      assertEquals(1, proxy.lostReplies().size());
      assertTrue(
          proxy.lostReplies().get(0).contains("<name>rows</name><value><i4>21</i4>"),
          proxy.lostReplies().get(0));
      assertConverged(chain);
      assertEquals(0, sync(chain).pushed(), "the next run pushes nothing again");
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void officeDyingMidPullLeavesNothingDoubledAndTheNextRunCompletes(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of("diff.max.changes", "30"));
        LossyProxy proxy = new LossyProxy(chain.shop(1).server().url())) {
      chain.pointBranchAt(1, proxy.url());
      sellMany(chain.shop(1), 40); // 120 change rows: four pages of 30
      // The office applies the first page, then never hears from the shop again in this run.
      proxy.loseRepliesWhen((method, nth) -> method.equals("diff") && nth >= 2);
      SyncOutcome died = sync(chain);
      assertFalse(died.ok());
      long landed;
      try (Connection office = chain.office().dataSource().getConnection()) {
        landed =
            RetailActions.ids(office, "sale_item").size()
                + RetailActions.ids(office, "sale").size()
                + RetailActions.ids(office, "payment").size();
      }
      assertTrue(landed > 0 && landed < 120, "first page only, got " + landed);

      proxy.loseRepliesWhen((method, nth) -> false);
      SyncOutcome next = sync(chain);
      assertTrue(next.ok(), next.toString());
      assertConverged(chain);
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals(40, RetailActions.ids(office, "sale").size());
        assertEquals(40, RetailActions.ids(office, "sale_item").size());
        assertEquals(40, RetailActions.ids(office, "payment").size());
      }
      assertEquals(0, sync(chain).pulled(), "everything was acknowledged");
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void lostRepliesToSqlPrepareAreRepeatedAndOpenOneSession(TestDialect dialect) throws Exception {
    Map<String, String> patient = new HashMap<>(IMPATIENT_OFFICE);
    patient.put("client.retries", "4");
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of(), patient);
        LossyProxy proxy = new LossyProxy(chain.shop(1).server().url())) {
      chain.pointBranchAt(1, proxy.url());
      proxy.loseRepliesWhen((method, nth) -> method.equals("sql_prepare") && nth <= 3);
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.changePrice(
            office, RetailActions.ids(office, "product").get(0), new BigDecimal("7.77"));
      }

      SyncOutcome outcome = sync(chain);

      assertTrue(outcome.ok(), outcome.toString());
      assertEquals(4, proxy.calls().stream().filter("sql_prepare"::equals).count());
      List<String> sids = proxy.lostReplies().stream().map(ChainFaultsIT::intIn).toList();
      assertEquals(3, sids.size());
      assertEquals(1, sids.stream().distinct().count(), "one session for all repeats: " + sids);
      assertConverged(chain);
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void anOfficeRunThatDiedMidPushHoldsNeitherTheNextSyncNorATill(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of())) {
      ChainShop shop = chain.shop(1);
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.changePrice(
            office, RetailActions.ids(office, "product").get(0), new BigDecimal("3.33"));
      }
      // A run that opened its session, applied a chunk over every product, and died.
      ShopClient dying = chain.office().client(branch(chain));
      int sid = dying.prepare();
      dying.create(sid, productsAsTheyAre(shop));

      long tillStarted = System.nanoTime();
      CompletableFuture<Long> till = CompletableFuture.supplyAsync(() -> sellOne(shop));
      Thread.sleep(1_000);
      if (dialect == TestDialect.POSTGRESQL) {
        // the session updated the products by key, a lock a till's foreign-key check never waits on
        till.get(10, TimeUnit.SECONDS);
      } else {
        assertFalse(till.isDone(), "the till waits on the rows of the unfinished session");
      }

      long syncStarted = System.nanoTime();
      SyncOutcome next = sync(chain);
      long syncMillis = (System.nanoTime() - syncStarted) / 1_000_000;
      long tillDone = till.get(60, TimeUnit.SECONDS);
      System.out.printf(
          "shop on %s: next sync took %d ms; the till waited %d ms, of which %d ms"
              + " after the sync began%n",
          dialect,
          syncMillis,
          (tillDone - tillStarted) / 1_000_000,
          (tillDone - syncStarted) / 1_000_000);
      assertTrue(next.ok(), next.toString());
      assertEquals(1, next.pushed());
      assertTrue(syncMillis < 10_000, "the sync took " + syncMillis + " ms");
      assertTrue((tillDone - syncStarted) / 1_000_000 < 10_000, "the till waited for the sync");

      assertTrue(sync(chain).ok());
      assertConverged(chain);
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void aTillOnTheRowsOfAnOfficeThatDiedAndNeverCameBackSellsWithoutFailing(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of())) {
      ChainShop shop = chain.shop(1);
      ShopClient dying = chain.office().client(branch(chain));
      int sid = dying.prepare();
      dying.create(sid, productsAsTheyAre(shop));

      // no next run comes: only the shop's idle expiry can free the rows, and it must do so
      // before the database gives up on the till (InnoDB's default lock wait is 50 s)
      long started = System.nanoTime();
      long done = sellOne(shop, 50);
      long waitedMs = (done - started) / 1_000_000;
      System.out.printf(
          "shop on %s: a till on a dead office's rows waited %d ms%n", dialect, waitedMs);
      assertTrue(waitedMs < 30_000, "the till waited " + waitedMs + " ms");
      assertTrue(sync(chain).ok());
      assertConverged(chain);
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void aSyncOfAShopWhoseTillNeverStopsSellingEnds(TestDialect dialect) throws Exception {
    try (LocalChain chain = chainWithProvisionedShop(dialect, Map.of());
        LossyProxy link = new LossyProxy(chain.shop(1).server().url())) {
      // a long-distance link: every call takes a tenth of a second, the time of a few sales
      link.delayReplies(100);
      chain.pointBranchAt(1, link.url());
      ChainShop shop = chain.shop(1);
      List<Long> products;
      try (Connection c = shop.connect()) {
        products = RetailActions.ids(c, "product");
      }
      SyncOutcome during;
      long millis;
      // a steady till, as busy as a shop gets: every page the office asks for has new sales
      try (BusyTill till = new BusyTill(shop, products, 1, 20)) {
        Thread.sleep(500);
        long started = System.nanoTime();
        // the run must not chase the tills' sales for ever: what they sell meanwhile waits
        CompletableFuture<SyncOutcome> run = CompletableFuture.supplyAsync(() -> sync(chain));
        during = run.get(30, TimeUnit.SECONDS);
        millis = (System.nanoTime() - started) / 1_000_000;
        till.close();
        assertEquals(List.of(), till.errors());
        System.out.printf(
            "shop on %s: a sync beside a till selling non-stop took %d ms and"
                + " pulled %d rows; the till made %d sales%n",
            dialect, millis, during.pulled(), till.sales().size());
      }
      assertTrue(during.ok(), during.toString());
      assertTrue(during.pulled() > 0, during.toString());
      assertTrue(sync(chain).ok());
      assertConverged(chain);
    }
  }

  /** A chunk upserting every product of the shop with the values it has: it locks them all. */
  private static byte[] productsAsTheyAre(ChainShop shop) throws SQLException {
    List<List<SqlValue>> rows = new ArrayList<>();
    try (Connection c = shop.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, sku, description, price FROM product")) {
      while (rs.next()) {
        rows.add(
            List.of(
                SqlValue.number(rs.getLong(1)),
                SqlValue.text(rs.getString(2)),
                SqlValue.text(rs.getString(3)),
                SqlValue.number(rs.getBigDecimal(4))));
      }
    }
    StringBuilder sql = new StringBuilder();
    SqlChunkWriter.forDialect(shop.dialect().sqlDialect())
        .write(
            new Upsert(
                "product", List.of("id", "sku", "description", "price"), List.of("id"), rows),
            sql);
    return ChunkCodec.encode(sql.toString());
  }

  /** A till's sale of the first product; returns when it committed. */
  private static long sellOne(ChainShop shop) {
    return sellOne(shop, 45);
  }

  /** The same, with the database giving up on the till's lock waits after {@code seconds}. */
  private static long sellOne(ChainShop shop, int seconds) {
    try (Connection c = shop.connect();
        Statement s = c.createStatement()) {
      // bounded, so that code that never frees the rows fails the test instead of hanging it
      s.execute(
          shop.dialect().sqlDialect() == io.branchsync.schema.chunk.SqlDialect.POSTGRESQL
              ? "SET lock_timeout = '" + seconds + "s'"
              : "SET SESSION innodb_lock_wait_timeout = " + seconds);
      long product = RetailActions.ids(c, "product").get(0);
      RetailActions.sell(
          c, 1, null, List.of(new Line(product, BigDecimal.ONE, new BigDecimal("1.00"))), "cash");
      return System.nanoTime();
    } catch (SQLException e) {
      throw new IllegalStateException("the till failed: " + e.getMessage(), e);
    }
  }

  private static String intIn(String reply) {
    Matcher m = Pattern.compile("<i4>(\\d+)</i4>").matcher(reply);
    return m.find() ? m.group(1) : reply;
  }
}
