package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.demo.RetailActions.Line;
import io.branchsync.office.registry.Conflict;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole chain on loopback: an office and two shops (one PostgreSQL, one MariaDB) provisioned,
 * trading at all three, synced, and compared.
 */
class ChainEndToEndIT {

  @ParameterizedTest(name = "office on {0}")
  @EnumSource(TestDialect.class)
  void officeAndTwoShopsConvergeAndASecondSyncMovesNothing(TestDialect officeDialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(officeDialect)) {
      ChainShop pgShop = chain.addShop(1, TestDialect.POSTGRESQL);
      ChainShop myShop = chain.addShop(2, TestDialect.MARIADB);
      long ana;
      long cy;
      long coffee;
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.setParameter(office, "currency", "EUR");
        coffee = RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
        RetailActions.addProduct(office, "P-2", "Tea ✓", new BigDecimal("1.80"));
        RetailActions.addService(office, "Gift wrap", new BigDecimal("1.00"));
        ana = RetailActions.addPerson(office, "Ana", "ana@example.com");
        cy = RetailActions.addPerson(office, "Cy", null);
      }
      Provisioner provisioner = new Provisioner(chain.office());
      for (ChainShop shop : chain.shops()) {
        provisioner.provision(chain.office().branches().require(shop.branch()), rows -> {});
      }
      assertEquals(
          List.of(), new ConvergenceCheck(chain, PolicySetLoader.load("retail")).differences());

      long tea;
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.changePrice(office, coffee, new BigDecimal("2.70"));
        tea = RetailActions.addProduct(office, "P-3", "Cake", new BigDecimal("3.20"));
        RetailActions.editPerson(office, ana, "ana@office.example");
      }
      long dee;
      long pgSale;
      try (Connection shop = pgShop.connect()) {
        dee = RetailActions.addPerson(shop, "Dee", "dee@example.com");
        pgSale =
            RetailActions.sell(
                shop,
                1,
                dee,
                List.of(
                    new Line(coffee, BigDecimal.ONE, new BigDecimal("2.50")),
                    new Line(coffee, new BigDecimal("2"), new BigDecimal("2.50"))),
                "card");
        RetailActions.editPerson(shop, ana, "ana@shop1.example");
      }
      long mySale;
      try (Connection shop = myShop.connect()) {
        mySale =
            RetailActions.sell(
                shop,
                2,
                null,
                List.of(new Line(coffee, BigDecimal.ONE, new BigDecimal("2.50"))),
                "cash");
        RetailActions.deletePerson(shop, cy);
      }
      assertTrue(pgSale > 10_000_000 && pgSale <= 20_000_000, "shop 1 sale id " + pgSale);
      assertTrue(mySale > 20_000_000 && mySale <= 30_000_000, "shop 2 sale id " + mySale);
      assertTrue(dee > 10_000_000, "shop 1 person id " + dee);

      FleetSync fleet = new FleetSync(chain.office());
      for (int run = 0; run < 2; run++) {
        for (SyncOutcome outcome : fleet.sync(chain.office().branches().list())) {
          assertTrue(outcome.ok(), outcome.toString());
        }
      }
      assertEquals(
          List.of(), new ConvergenceCheck(chain, PolicySetLoader.load("retail")).differences());
      for (SyncOutcome outcome : fleet.sync(chain.office().branches().list())) {
        assertEquals(0, outcome.pulled() + outcome.pushed(), "a quiet sync moved rows: " + outcome);
      }

      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals("ana@office.example", email(office, ana));
        assertEquals(null, email(office, cy));
        assertEquals("dee@example.com", email(office, dee));
        assertEquals(List.of(pgSale, mySale), RetailActions.ids(office, "sale"));
        assertEquals(3, RetailActions.ids(office, "sale_item").size());
        assertEquals(2, RetailActions.ids(office, "payment").size());
      }
      try (Connection shop = myShop.connect()) {
        assertEquals("dee@example.com", email(shop, dee));
        assertTrue(RetailActions.ids(shop, "product").contains(tea));
      }
      List<Conflict> conflicts = chain.office().conflicts().list(10);
      assertEquals(1, conflicts.size());
      Conflict conflict = conflicts.get(0);
      assertEquals("person", conflict.table());
      assertEquals(Long.toString(ana), conflict.key());
      assertEquals(1, conflict.branchId());
      assertTrue(conflict.officeVersion().contains("ana@office.example"), conflict.officeVersion());
      assertTrue(conflict.branchVersion().contains("ana@shop1.example"), conflict.branchVersion());
      assertEquals("office-wins", conflict.resolution());
    }
  }

  /** The person's email, or null when the person is gone or has none. */
  static String email(Connection c, long person) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT email FROM person WHERE id = ?")) {
      s.setLong(1, person);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
