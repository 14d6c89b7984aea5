package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.registry.FailedRow;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SKUs are unique: the office swapping two products' SKUs or giving a withdrawn product's SKU to a
 * new one arrives right at every shop, and a SKU a shop already holds on a row of its own is a
 * refused row naming both products, never an overwrite.
 */
class UniqueKeysEndToEndIT {

  @ParameterizedTest(name = "office on {0}")
  @EnumSource(TestDialect.class)
  void skuSwapAndReusedSkuMadeAtTheOfficeArriveRightAtBothShops(TestDialect officeDialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(officeDialect)) {
      chain.addShop(1, TestDialect.POSTGRESQL);
      chain.addShop(2, TestDialect.MARIADB);
      long tea;
      long coffee;
      long cake;
      try (Connection office = chain.office().dataSource().getConnection()) {
        tea = RetailActions.addProduct(office, "A-1", "Tea", new BigDecimal("1.80"));
        coffee = RetailActions.addProduct(office, "B-2", "Coffee", new BigDecimal("2.50"));
        cake = RetailActions.addProduct(office, "C-3", "Cake", new BigDecimal("3.20"));
      }
      Provisioner provisioner = new Provisioner(chain.office());
      for (ChainShop shop : chain.shops()) {
        provisioner.provision(chain.office().branches().require(shop.branch()), rows -> {});
      }
      long pie;
      try (Connection office = chain.office().dataSource().getConnection()) {
        office.setAutoCommit(false);
        setSku(office, tea, "swapping");
        setSku(office, coffee, "A-1");
        setSku(office, tea, "B-2");
        office.commit();
        office.setAutoCommit(true);
        try (Statement s = office.createStatement()) {
          s.executeUpdate("DELETE FROM product WHERE id = " + cake);
        }
        pie = RetailActions.addProduct(office, "C-3", "Pie", new BigDecimal("4.00"));
      }

      for (SyncOutcome outcome :
          new FleetSync(chain.office()).sync(chain.office().branches().list())) {
        assertTrue(outcome.ok(), outcome.toString());
      }

      assertEquals(
          List.of(), new ConvergenceCheck(chain, PolicySetLoader.load("retail")).differences());
      List<List<Object>> expected =
          List.of(
              List.of(tea, "B-2", "Tea"),
              List.of(coffee, "A-1", "Coffee"),
              List.of(pie, "C-3", "Pie"));
      for (ChainShop shop : chain.shops()) {
        try (Connection c = shop.connect()) {
          assertEquals(expected, products(c), "shop " + shop.branch());
        }
      }
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void skuAShopHoldsOnAnotherProductIsARefusedRowNamingBoth(TestDialect shopDialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop = chain.addShop(1, shopDialect);
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.addProduct(office, "A-1", "Tea", new BigDecimal("1.80"));
      }
      new Provisioner(chain.office()).provision(chain.office().branches().require(1), rows -> {});
      try (Connection c = shop.connect();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO product (id, sku, description, price)"
                + " VALUES (900, 'Z-9', 'Made here', 9.00)");
      }
      long twin;
      try (Connection office = chain.office().dataSource().getConnection()) {
        twin = RetailActions.addProduct(office, "Z-9", "Made at the office", BigDecimal.ONE);
      }

      SyncOutcome refused =
          new BranchSyncer(chain.office()).sync(chain.office().branches().require(1));

      assertFalse(refused.ok());
      assertTrue(
          refused.error().contains("key " + twin)
              && refused.error().contains("key 900")
              && refused.error().contains("Z-9"),
          refused.error());
      FailedRow row = chain.office().failedRows().list(true).get(0);
      assertEquals("push", row.direction());
      assertEquals("product", row.table());
      assertEquals(Long.toString(twin), row.key());
      try (Connection c = shop.connect()) {
        assertEquals(
            List.of(List.of(1L, "A-1", "Tea"), List.of(900L, "Z-9", "Made here")), products(c));
      }
    }
  }

  private static void setSku(Connection c, long product, String sku) throws Exception {
    try (PreparedStatement s = c.prepareStatement("UPDATE product SET sku = ? WHERE id = ?")) {
      s.setString(1, sku);
      s.setLong(2, product);
      s.executeUpdate();
    }
  }

  private static List<List<Object>> products(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, sku, description FROM product ORDER BY id")) {
      List<List<Object>> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(List.of(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
      return rows;
    }
  }
}
