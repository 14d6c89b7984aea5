package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.registry.FailedRow;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A row the office cannot apply stops that branch at that row, named; retry or skip by command. */
class FailedRowIT {

  @ParameterizedTest(name = "office on {0}")
  @EnumSource(TestDialect.class)
  void rejectedRowIsNamedThenRetriedAfterAFixOrSkipped(TestDialect officeDialect) throws Exception {
    try (LocalChain chain = LocalChain.start(officeDialect)) {
      ChainShop shop = chain.addShop(1, TestDialect.POSTGRESQL);
      new Provisioner(chain.office()).provision(chain.office().branches().require(1), rows -> {});
      try (Connection office = chain.office().dataSource().getConnection();
          Statement s = office.createStatement()) {
        s.execute(
            "ALTER TABLE person ADD CONSTRAINT no_blocked CHECK (email NOT LIKE '%blocked%')");
      }
      long blocked;
      try (Connection c = shop.connect()) {
        blocked = RetailActions.addPerson(c, "Mallory", "mallory@blocked.example");
      }
      BranchSyncer syncer = new BranchSyncer(chain.office());
      SyncOutcome failed = syncer.sync(chain.office().branches().require(1));
      assertFalse(failed.ok());
      assertTrue(
          failed.error().contains("person") && failed.error().contains(Long.toString(blocked)),
          failed.error());
      List<FailedRow> open = chain.office().failedRows().list(true);
      assertEquals(1, open.size());
      assertEquals("person", open.get(0).table());
      assertEquals(Long.toString(blocked), open.get(0).key());
      assertEquals("pull", open.get(0).direction());

      // Fixed at the office: the next run applies the row and settles the failure.
      try (Connection office = chain.office().dataSource().getConnection();
          Statement s = office.createStatement()) {
        s.execute("ALTER TABLE person DROP CONSTRAINT no_blocked");
        s.execute("ALTER TABLE person ADD CONSTRAINT no_evil CHECK (email NOT LIKE '%evil%')");
      }
      chain.office().failedRows().decide(open.get(0).id(), false);
      assertTrue(syncer.sync(chain.office().branches().require(1)).ok());
      assertEquals(List.of(), chain.office().failedRows().list(true));
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals("mallory@blocked.example", ChainEndToEndIT.email(office, blocked));
      }

      // Skipped: the row never reaches the office, and the branch moves on.
      long evil;
      long good;
      try (Connection c = shop.connect()) {
        evil = RetailActions.addPerson(c, "Eve", "eve@evil.example");
        good = RetailActions.addPerson(c, "Good", "good@example.com");
      }
      assertFalse(syncer.sync(chain.office().branches().require(1)).ok());
      FailedRow row = chain.office().failedRows().list(true).get(0);
      assertEquals(Long.toString(evil), row.key());
      chain.office().failedRows().decide(row.id(), true);
      SyncOutcome skipped = syncer.sync(chain.office().branches().require(1));
      assertTrue(skipped.ok(), skipped.toString());
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals(null, ChainEndToEndIT.email(office, evil));
        assertEquals("good@example.com", ChainEndToEndIT.email(office, good));
      }
      assertEquals(
          "skipped",
          chain.office().failedRows().list(false).stream()
              .filter(r -> r.id() == row.id())
              .findFirst()
              .orElseThrow()
              .status());
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void rowTheShopRefusesIsRecordedAndCanBeSkipped(TestDialect shopDialect) throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop = chain.addShop(1, shopDialect);
      long dear;
      long cheap;
      try (Connection office = chain.office().dataSource().getConnection()) {
        dear = RetailActions.addProduct(office, "P-1", "Watch", new java.math.BigDecimal("10.00"));
        cheap = RetailActions.addProduct(office, "P-2", "Pen", new java.math.BigDecimal("1.00"));
      }
      new Provisioner(chain.office()).provision(chain.office().branches().require(1), rows -> {});
      try (Connection c = shop.connect();
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE product ADD CONSTRAINT shop_price_cap CHECK (price < 100)");
      }
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.changePrice(office, dear, new java.math.BigDecimal("500.00"));
      }
      BranchSyncer syncer = new BranchSyncer(chain.office());
      SyncOutcome refused = syncer.sync(chain.office().branches().require(1));
      assertFalse(refused.ok());
      assertTrue(refused.error().contains("APPLY_FAILED"), refused.error());
      FailedRow row = chain.office().failedRows().list(true).get(0);
      assertEquals("push", row.direction());
      assertEquals("product", row.table());
      assertEquals(Long.toString(dear), row.key());

      chain.office().failedRows().decide(row.id(), true);
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.changePrice(office, cheap, new java.math.BigDecimal("2.00"));
      }
      SyncOutcome skipped = syncer.sync(chain.office().branches().require(1));
      assertTrue(skipped.ok(), skipped.toString());
      try (Connection c = shop.connect();
          Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT price FROM product ORDER BY id")) {
        rs.next();
        assertEquals(0, new java.math.BigDecimal("10.00").compareTo(rs.getBigDecimal(1)));
        rs.next();
        assertEquals(0, new java.math.BigDecimal("2.00").compareTo(rs.getBigDecimal(1)));
      }
    }
  }
}
