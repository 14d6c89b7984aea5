package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.shop.ShopInitializer;
import io.branchsync.testkit.TestDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A shop process killed (SIGKILL, no shutdown hook) at many points of a {@code clean}: whatever
 * point it died at, the synced tables hold all their rows or none, the shop's own tables are
 * untouched, {@code shop init} and {@code shop serve} start on that database again, and the next
 * {@code clean} completes. On MySQL/MariaDB this is what a schema-rebuilding clean could not give
 * (DDL commits as it goes); clean is one transaction of deletes on both dialects.
 */
class CleanKilledIT {

  private static final int KILLS = 8;
  private static final int PRODUCTS = 100_000;
  private static final int PEOPLE = 20_000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aShopKilledAnywhereInCleanHoldsAllOrNothingAndStartsAgain(TestDialect which)
      throws Exception {
    try (ShopFixture shop = ShopFixture.prepare(which, Map.of())) {
      shop.exec(
          "CREATE TABLE pos_local_config (name VARCHAR(40) PRIMARY KEY, value VARCHAR(40))",
          "INSERT INTO pos_local_config VALUES ('till', '7')");
      Path config = shop.writeConfig(Map.of());
      long cleanMillis;
      try (ShopProcess child = ShopProcess.start(config, shop.dir.resolve("shop-0.log"))) {
        load(shop, child);
        long started = System.nanoTime();
        assertEquals(true, child.client().execute("clean", new Object[0]));
        cleanMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      }
      // seeded, so that a failing point is the same point on the next run
      Random random = new Random(which.ordinal() + 1L);
      int intact = 0;
      int emptied = 0;
      int midDelete = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        long afterMillis = random.nextLong(cleanMillis + 1);
        try (ShopProcess child =
            ShopProcess.start(config, shop.dir.resolve("shop-" + kill + ".log"))) {
          if (shop.count("product") == 0) {
            load(shop, child);
          }
          XmlRpcClient client = child.client();
          CompletableFuture<Object> clean =
              CompletableFuture.supplyAsync(() -> callQuietly(client, "clean"));
          if (kill % 2 == 0) {
            // half the kills wait until the database is seen erasing, then die inside that
            midDelete += deleteSeen(shop) ? 1 : 0;
            afterMillis = random.nextLong(cleanMillis / 2 + 1);
          }
          Thread.sleep(afterMillis);
          child.kill();
          clean.get(30, TimeUnit.SECONDS);
        }
        long products = shop.count("product");
        long people = shop.count("person");
        String where =
            which
                + ", kill "
                + kill
                + " after "
                + afterMillis
                + " ms of a clean of "
                + cleanMillis
                + " ms: "
                + products
                + " products, "
                + people
                + " people";
        assertTrue(
            (products == PRODUCTS && people == PEOPLE) || (products == 0 && people == 0), where);
        assertEquals("7", shop.stringValue("SELECT value FROM pos_local_config"), where);
        if (products == 0) {
          emptied++;
        } else {
          intact++;
        }
        // shop init on whatever the kill left: it must find a schema it knows, and change nothing
        ShopInitializer.init(shop.config(Map.of()));
      }
      System.out.printf(
          "%s: clean of %d rows took %d ms; %d kills left every row, %d left the tables empty,"
              + " %d struck while the database was erasing%n",
          which, PRODUCTS + PEOPLE, cleanMillis, intact, emptied, midDelete);
      assertTrue(midDelete > 0, "no kill struck while a DELETE of clean was running");

      try (ShopProcess child = ShopProcess.start(config, shop.dir.resolve("shop-last.log"))) {
        assertEquals(true, child.client().execute("clean", new Object[0]));
        assertTrue(child.client().execute("info", new Object[0]) instanceof Map);
      }
      assertEquals(0, shop.count("product"));
      assertEquals("7", shop.stringValue("SELECT value FROM pos_local_config"));
    }
  }

  /** Waits (10 s at most) until another connection of the shop's database runs a DELETE. */
  private static boolean deleteSeen(ShopFixture shop) throws Exception {
    String running =
        shop.which == TestDialect.POSTGRESQL
            ? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE 'DELETE%'"
            : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                + " AND ID <> CONNECTION_ID() AND INFO LIKE 'DELETE%'";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (shop.longValue(running) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The catalog the office would have provisioned: applied rows, nothing pending. */
  private static void load(ShopFixture shop, ShopProcess child) throws XmlRpcException {
    XmlRpcClient client = child.client();
    int sid = (Integer) client.execute("sql_prepare", new Object[0]);
    for (int first = 1; first <= PRODUCTS; first += 10_000) {
      client.execute(
          "sql_create", new Object[] {sid, shop.chunk(List.of(Rows.products(first, 10_000)))});
    }
    for (int first = 1; first <= PEOPLE; first += 10_000) {
      client.execute(
          "sql_create", new Object[] {sid, shop.chunk(List.of(Rows.people(first, 10_000)))});
    }
    client.execute("sql_finish", new Object[] {sid});
  }

  private static Object callQuietly(XmlRpcClient client, String method) {
    try {
      return client.execute(method, new Object[0]);
    } catch (XmlRpcException e) {
      return e; // the process died under the call: the expected way for it to end
    }
  }
}
