package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.shop.ShopServer;
import io.branchsync.testkit.TestDialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** clean and setidstart: the two calls that change the shop's schema state. */
class CleanAndIdRangeIT {

  private static final Map<TestDialect, ShopFixture> SHOPS = new EnumMap<>(TestDialect.class);

  static synchronized ShopFixture shop(TestDialect which) {
    return SHOPS.computeIfAbsent(which, w -> ShopFixture.start(w, Map.of()));
  }

  @AfterAll
  static void stop() {
    SHOPS.values().forEach(ShopFixture::close);
    SHOPS.clear();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cleanIsRefusedWhileChangesWaitForTheOffice(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec("INSERT INTO sale (branch_id, total) VALUES (3, 12.50)");
    long sales = shop.count("sale");
    Object sid = shop.call("sql_prepare");

    XmlRpcException refused = shop.fault("clean");

    assertEquals(FaultCode.PENDING_CHANGES.code(), refused.code);
    assertTrue(refused.getMessage().contains("clean.allow.pending"), refused.getMessage());
    assertEquals(sales, shop.count("sale"));
    assertTrue(
        shop.call("sql_finish", sid) instanceof Map,
        "a refused clean leaves the office's open session alone");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cleanErasesAndRebuildsOnceEverythingWasCollected(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec("INSERT INTO sale (branch_id, total) VALUES (3, 1)");
    shop.exec(
        "DELETE FROM product WHERE id = 77",
        "INSERT INTO product (id, sku, description, price) VALUES (77, 'P77', 'old', 1)");
    collectEverything(shop);

    assertEquals(true, shop.call("clean"));

    assertEquals(0, shop.count("product"));
    assertEquals(0, shop.count("sale"));
    @SuppressWarnings("unchecked")
    Map<String, Object> info = (Map<String, Object>) shop.call("info");
    assertEquals("10", info.get("schema_version"));
    shop.exec("INSERT INTO sale (branch_id, total) VALUES (3, 2)");
    assertEquals(
        1L,
        ((Number) ((Map<?, ?>) shop.call("info")).get("pending")).longValue(),
        "capture is installed again");
    collectEverything(shop);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cleanAllowPendingLetsTheOperatorEraseUncollectedChanges(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec("INSERT INTO sale (branch_id, total) VALUES (3, 3)");
    try (ShopServer lenient =
        ShopServer.start(
            shop.config(
                Map.of(
                    "clean.allow.pending",
                    "true",
                    "staging.dir",
                    shop.dir.resolve("staging-lenient").toString())))) {
      Object cleaned =
          ShopFixture.client(lenient, ShopFixture.USER, ShopFixture.SECRET)
              .execute("clean", List.of());
      assertEquals(true, cleaned);
    }
    assertEquals(0, shop.count("sale"));
    assertEquals(0, shop.count("sync_change"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cleanDiscardsOpenSessions(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    collectEverything(shop);
    int sid = (Integer) shop.call("sql_prepare");
    shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(500, 3))));

    shop.call("clean");

    assertEquals(FaultCode.UNKNOWN_SESSION.code(), shop.fault("sql_finish", sid).code);
    assertEquals(0, shop.count("product"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void setIdStartMovesTheSequencesOfShopCreatedTablesAndRecordsTheRange(TestDialect which)
      throws Exception {
    ShopFixture shop = shop(which);
    long start = 30_000_001L + (which.ordinal() * 1000L);
    shop.exec("DELETE FROM sale WHERE id >= " + start);

    assertEquals(true, shop.call("setidstart", (int) start));
    shop.exec(
        "INSERT INTO sale (branch_id, total) VALUES (3, 5)",
        "INSERT INTO person (name) VALUES ('new customer')");

    assertEquals(start, shop.longValue("SELECT MAX(id) FROM sale"));
    assertEquals(start, shop.longValue("SELECT MAX(id) FROM person"));
    assertEquals(
        Long.toString(start),
        shop.stringValue("SELECT value FROM sync_setting WHERE name = 'shop.id_range.first'"));
    assertEquals(
        "40000000",
        shop.stringValue("SELECT value FROM sync_setting WHERE name = 'shop.id_range.last'"),
        "a start inside branch 3's own range keeps that range's end");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void setIdStartAfterTheLastUsedKeyIgnoresTheNextBranchsRows(TestDialect which) throws Exception {
    // a shop of its own: the sequences this test moves must not meet the other tests'
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      // a customer of branch 4, sent by the office; re-provisioning branch 3 after its last key
      shop.exec("INSERT INTO person (id, name) VALUES (40000001, 'of branch 4')");

      assertEquals(true, shop.call("setidstart", 30_000_501));
      shop.exec("INSERT INTO person (name) VALUES ('next customer of branch 3')");

      assertEquals(
          30_000_501L,
          shop.longValue("SELECT id FROM person WHERE name = 'next customer of branch 3'"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void setIdStartNeverMovesASequenceBackInsideTheRange(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      assertEquals(true, shop.call("setidstart", 30_000_001));
      // a till's key handed out but not committed yet: no row shows it
      try (var till = shop.db.connect()) {
        till.setAutoCommit(false);
        try (var s = till.createStatement()) {
          s.execute("INSERT INTO sale (branch_id, total) VALUES (3, 1)");
        }
        assertEquals(true, shop.call("setidstart", 30_000_001));
        till.commit();
      }
      shop.exec("INSERT INTO sale (branch_id, total) VALUES (3, 2)");

      assertEquals(
          List.of(30_000_001L, 30_000_002L),
          List.of(
              shop.longValue("SELECT MIN(id) FROM sale"),
              shop.longValue("SELECT MAX(id) FROM sale")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void setIdStartTakesIdsBeyondTheIntRangeAsDecimalStrings(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    assertEquals(true, shop.call("setidstart", "2500000000001"));
    assertEquals(
        "2500000000001",
        shop.stringValue("SELECT value FROM sync_setting WHERE name = 'shop.id_range.first'"));
    assertEquals(FaultCode.BAD_ARGUMENT.code(), shop.fault("setidstart", "12abc").code);
    assertEquals(FaultCode.BAD_ARGUMENT.code(), shop.fault("setidstart", 0).code);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void setIdStartRefusesARangeThatHoldsRows(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec(
        "DELETE FROM sale WHERE id = 40000005",
        "INSERT INTO sale (id, branch_id, total) VALUES (40000005, 3, 1)");

    XmlRpcException refused = shop.fault("setidstart", 40_000_001);

    assertEquals(FaultCode.ID_RANGE_OCCUPIED.code(), refused.code);
    assertTrue(refused.getMessage().contains("sale"), refused.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cleanKeepsOtherTablesAndTheCursorTheOfficeHolds(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec(
        "DROP TABLE IF EXISTS local_note",
        "CREATE TABLE local_note (id INTEGER PRIMARY KEY, text VARCHAR(40))",
        "INSERT INTO local_note (id, text) VALUES (1, 'kept')",
        "INSERT INTO sale (branch_id, total) VALUES (3, 2)");
    String cursor = collectEverything(shop);

    assertEquals(true, shop.call("clean"));
    shop.exec("INSERT INTO sale (branch_id, total) VALUES (3, 7.25)");

    assertEquals(1, shop.count("local_note"), "a table outside the policy set stays");
    Map<?, ?> after = (Map<?, ?>) shop.call("diff", cursor);
    assertTrue(
        ((byte[]) after.get("data")).length > 0,
        "the cursor the office held before clean still serves the shop's new sale");
    shop.exec("DROP TABLE local_note");
    collectEverything(shop);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void cleanThatCannotEraseEverythingErasesNothing(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec(
        "DELETE FROM product WHERE id = 78",
        "INSERT INTO product (id, sku, description, price) VALUES (78, 'P78', 'held', 1)",
        "INSERT INTO sale (branch_id, total) VALUES (3, 3)",
        "DROP TABLE IF EXISTS local_shelf",
        // a local table holding on to a product: the product cannot go, so nothing may
        "CREATE TABLE local_shelf (id INTEGER PRIMARY KEY, product_id BIGINT NOT NULL,"
            + " CONSTRAINT local_shelf_product FOREIGN KEY (product_id) REFERENCES product (id))",
        "INSERT INTO local_shelf (id, product_id) VALUES (1, 78)");
    collectEverything(shop);
    long sales = shop.count("sale");

    XmlRpcException refused;
    try {
      refused = shop.fault("clean");
    } finally {
      shop.exec("DELETE FROM local_shelf");
    }

    assertEquals(FaultCode.APPLY_FAILED.code(), refused.code, refused.getMessage());
    assertTrue(refused.getMessage().contains("table product"), refused.getMessage());
    assertEquals(sales, shop.count("sale"), "sales were deleted before the product failed");
    assertEquals(1, shop.longValue("SELECT COUNT(*) FROM product WHERE id = 78"));
    shop.exec("DROP TABLE local_shelf");
    assertEquals(true, shop.call("clean"), "the shop is fine once the obstacle is gone");
  }

  /** Collects and acknowledges every change, as the office does before a clean. */
  private static String collectEverything(ShopFixture shop) throws Exception {
    String since = "";
    while (true) {
      Map<?, ?> batch = (Map<?, ?>) shop.call("diff", since);
      boolean empty = ((byte[]) batch.get("data")).length == 0;
      since = (String) batch.get("next");
      if (empty && !(Boolean) batch.get("more")) {
        shop.call("diff", since);
        return since;
      }
    }
  }
}
