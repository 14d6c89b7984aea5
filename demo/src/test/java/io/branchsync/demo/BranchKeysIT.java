package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.demo.RetailActions.Line;
import io.branchsync.office.registry.Conflict;
import io.branchsync.office.sync.BranchStatus;
import io.branchsync.office.sync.StatusReporter;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every node creates rows with keys of its own range, whatever it applied from other ranges, and a
 * row forced into another branch's key is recorded, never applied over the row that holds it.
 */
class BranchKeysIT {

  @ParameterizedTest(name = "office on {0}")
  @EnumSource(TestDialect.class)
  void customersCreatedEverywhereAfterRowsFromHigherRangesArrivedAreAllKept(TestDialect office)
      throws Exception {
    try (LocalChain chain = LocalChain.start(office)) {
      chain.addShop(1, TestDialect.MARIADB);
      chain.addShop(2, TestDialect.POSTGRESQL);
      chain.addShop(3, TestDialect.MARIADB);
      ChainNodes.provisionAll(chain);
      List<String> created = new ArrayList<>();
      // rows of branch 3's range reach the office and shops 1 and 2 first: on MySQL/MariaDB
      // their AUTO_INCREMENT used to jump into branch 3's range
      created.add(person(chain.shop(3).connect(), "from shop 3, first"));
      ChainNodes.syncAll(chain);
      ChainNodes.syncAll(chain);
      for (int round = 0; round < 2; round++) {
        try (Connection c = chain.office().dataSource().getConnection()) {
          created.add(person(c, "from office, round " + round));
        }
        for (ChainShop shop : chain.shops()) {
          try (Connection c = shop.connect()) {
            created.add(person(c, "from shop " + shop.branch() + ", round " + round));
          }
        }
        ChainNodes.syncAll(chain);
        ChainNodes.syncAll(chain);
      }
      java.util.Collections.sort(created);
      try (Connection c = chain.office().dataSource().getConnection()) {
        assertEquals(created, names(c), "at the office");
        assertKeysInOwnRanges(c);
      }
      for (ChainShop shop : chain.shops()) {
        try (Connection c = shop.connect()) {
          assertEquals(created, names(c), "at shop " + shop.branch());
        }
      }
      assertEquals(List.of(), chain.office().conflicts().list(10));
    }
  }

  @ParameterizedTest(name = "shops on {0}")
  @EnumSource(TestDialect.class)
  void aSaleForcedIntoAnotherBranchsKeyIsRecordedNotAppliedOverIt(TestDialect shops)
      throws Exception {
    // the office on the other dialect, so both dialects apply pulled rows in one of the runs
    TestDialect office =
        shops == TestDialect.POSTGRESQL ? TestDialect.MARIADB : TestDialect.POSTGRESQL;
    try (LocalChain chain = LocalChain.start(office)) {
      chain.addShop(1, shops);
      chain.addShop(2, shops);
      long coffee;
      try (Connection c = chain.office().dataSource().getConnection()) {
        coffee = RetailActions.addProduct(c, "P-1", "Coffee", new BigDecimal("2.50"));
      }
      ChainNodes.provisionAll(chain);
      long sale;
      try (Connection c = chain.shop(2).connect()) {
        sale =
            RetailActions.sell(
                c,
                2,
                null,
                List.of(new Line(coffee, BigDecimal.ONE, new BigDecimal("2.50"))),
                "cash");
      }
      ChainNodes.syncAll(chain);
      // an application forcing its own key on a sale, whose item and payment get the shop's keys
      try (Connection c = chain.shop(1).connect()) {
        execute(c, "INSERT INTO sale (id, branch_id, total) VALUES (?, 1, 99.00)", sale);
        execute(
            c,
            "INSERT INTO sale_item (sale_id, product_id, quantity, price)"
                + " VALUES (?, "
                + coffee
                + ", 1, 99.00)",
            sale);
        execute(c, "INSERT INTO payment (sale_id, method, amount) VALUES (?, 'card', 99.00)", sale);
      }
      ChainNodes.syncAll(chain);

      try (Connection c = chain.office().dataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement("SELECT branch_id, total FROM sale WHERE id = ?")) {
        s.setLong(1, sale);
        try (ResultSet rs = s.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(2, rs.getInt(1), "shop 2's sale keeps its key at the office");
          assertEquals(new BigDecimal("2.50"), rs.getBigDecimal(2).setScale(2));
        }
      }
      try (Connection c = chain.office().dataSource().getConnection()) {
        assertEquals(
            List.of("1.000 2.50"),
            strings(c, "SELECT quantity, price FROM sale_item" + " WHERE sale_id = ?", sale),
            "only shop 2's item hangs under shop 2's sale");
        assertEquals(
            List.of("cash 2.50"),
            strings(c, "SELECT method, amount FROM payment" + " WHERE sale_id = ?", sale),
            "only shop 2's payment");
      }
      List<Conflict> conflicts = chain.office().conflicts().list(10);
      assertEquals(
          List.of("payment", "sale", "sale_item"),
          conflicts.stream().map(Conflict::table).sorted().toList(),
          conflicts.toString());
      assertTrue(
          conflicts.stream()
              .allMatch(k -> k.resolution().equals("key-collision") && k.branchId() == 1),
          conflicts.toString());
      assertTrue(
          conflicts.stream()
              .filter(k -> !k.table().equals("sale"))
              .allMatch(k -> k.officeVersion().equals("(absent)")),
          conflicts.toString());
      Conflict conflict =
          conflicts.stream().filter(k -> k.table().equals("sale")).findFirst().orElseThrow();
      assertEquals(1, conflict.branchId());
      assertEquals("sale", conflict.table());
      assertEquals(Long.toString(sale), conflict.key());
      assertEquals("key-collision", conflict.resolution());
      assertTrue(conflict.branchVersion().contains("99.00"), conflict.branchVersion());
      assertTrue(conflict.officeVersion().contains("2.50"), conflict.officeVersion());
      ChainNodes.syncAll(chain);
      assertEquals(3, chain.office().conflicts().list(10).size(), "recorded once, not every sync");
      BranchStatus status =
          new StatusReporter(chain.office())
              .report(false).stream().filter(b -> b.branchId() == 1).findFirst().orElseThrow();
      assertEquals(3, status.keyCollisions(), "office status shows it");

      // the shop voids its forced sale: that delete must not reach shop 2's sale either
      try (Connection c = chain.shop(1).connect()) {
        execute(c, "DELETE FROM payment WHERE sale_id = ?", sale);
        execute(c, "DELETE FROM sale_item WHERE sale_id = ?", sale);
        execute(c, "DELETE FROM sale WHERE id = ?", sale);
      }
      ChainNodes.syncAll(chain);
      try (Connection c = chain.office().dataSource().getConnection()) {
        assertEquals(List.of(sale), RetailActions.ids(c, "sale"), "shop 2's sale is still there");
        assertEquals(1, RetailActions.ids(c, "sale_item").size());
        assertEquals(1, RetailActions.ids(c, "payment").size());
      }
      Conflict deleted = chain.office().conflicts().list(10).get(0);
      assertEquals("(deleted)", deleted.branchVersion());
      assertEquals("key-collision", deleted.resolution());
    }
  }

  private static void execute(Connection c, String sql, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, key);
      s.executeUpdate();
    }
  }

  private static List<String> strings(Connection c, String sql, long key) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2));
        }
      }
    }
    return rows;
  }

  private static String person(Connection c, String name) throws SQLException {
    try (c) {
      RetailActions.addPerson(c, name, null);
    }
    return name;
  }

  private static List<String> names(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT name FROM person");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    names.sort(null);
    return names;
  }

  private static void assertKeysInOwnRanges(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM person");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String name = rs.getString(2);
        int branch =
            name.startsWith("from office")
                ? 0
                : Integer.parseInt(
                    name.substring("from shop ".length(), "from shop ".length() + 1));
        IdRange range = IdRange.forBranch(branch);
        long id = rs.getLong(1);
        assertTrue(
            id >= range.first() && id <= range.last(),
            name + " has key " + id + " outside " + range);
      }
    }
  }
}
