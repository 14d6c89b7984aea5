package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.demo.RetailActions.Line;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.ProvisionResult;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Provisioning a shop again: its uncollected sales are collected first, its keys carry on. */
class ReprovisionIT {

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void pendingSalesAreCollectedFirstAndNewKeysFollowTheLastUsed(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop = chain.addShop(1, dialect);
      long product;
      try (Connection office = chain.office().dataSource().getConnection()) {
        product = RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
      }
      Provisioner provisioner = new Provisioner(chain.office());
      provisioner.provision(chain.office().branches().require(1), rows -> {});
      long firstSale;
      try (Connection c = shop.connect()) {
        firstSale =
            RetailActions.sell(
                c,
                1,
                null,
                List.of(new Line(product, BigDecimal.ONE, new BigDecimal("2.50"))),
                "cash");
      }

      ProvisionResult again =
          provisioner.provision(chain.office().branches().require(1), rows -> {});
      assertEquals(3, again.collectedFirst(), "sale, item and payment collected before clean");
      assertEquals(firstSale + 1, again.idStart());
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals(List.of(firstSale), RetailActions.ids(office, "sale"));
      }
      try (Connection c = shop.connect()) {
        assertEquals(List.of(), RetailActions.ids(c, "sale"), "the shop starts clean");
        long next =
            RetailActions.sell(
                c,
                1,
                null,
                List.of(new Line(product, BigDecimal.ONE, new BigDecimal("2.50"))),
                "card");
        assertTrue(next > firstSale, "keys carry on after the last used: " + next);
      }
    }
  }

  @ParameterizedTest(name = "shops on {0}")
  @EnumSource(TestDialect.class)
  void reprovisioningKeepsTheBranchsOwnRangeWhenAHigherBranchsRowsAreThere(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop1 = chain.addShop(1, dialect);
      ChainShop shop2 = chain.addShop(2, dialect);
      long product;
      try (Connection office = chain.office().dataSource().getConnection()) {
        product = RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
      }
      ChainNodes.provisionAll(chain);
      long firstSale;
      try (Connection c = shop1.connect()) {
        firstSale =
            RetailActions.sell(
                c,
                1,
                null,
                List.of(new Line(product, BigDecimal.ONE, new BigDecimal("2.50"))),
                "cash");
      }
      try (Connection c = shop2.connect()) {
        RetailActions.addPerson(c, "Bea of shop 2", null);
      }
      ChainNodes.syncAll(chain);

      // shop 1 gets branch 2's customer back with the full push; its range must not reach it
      ProvisionResult again =
          new Provisioner(chain.office())
              .provision(chain.office().branches().require(1), rows -> {});
      assertEquals(firstSale + 1, again.idStart());
      long next;
      try (Connection c = shop1.connect()) {
        next =
            RetailActions.sell(
                c,
                1,
                null,
                List.of(new Line(product, BigDecimal.ONE, new BigDecimal("2.50"))),
                "card");
      }
      assertEquals(firstSale + 1, next);
      ChainNodes.syncAll(chain);
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals(List.of(firstSale, next), RetailActions.ids(office, "sale"));
      }
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void aProvisioningThatStopsAfterTheShopWasErasedIsFinishedByTheNextSync(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop = chain.addShop(1, dialect);
      long product;
      try (Connection office = chain.office().dataSource().getConnection()) {
        product = RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
        RetailActions.addPerson(office, "Ana", null);
      }
      ChainNodes.provisionAll(chain);
      long firstSale;
      try (Connection c = shop.connect()) {
        firstSale =
            RetailActions.sell(
                c,
                1,
                null,
                List.of(new Line(product, BigDecimal.ONE, new BigDecimal("2.50"))),
                "cash");
      }
      try (LossyProxy proxy = new LossyProxy(shop.server().url())) {
        chain.pointBranchAt(1, proxy.url());
        // the office goes quiet right after clean: the shop is erased, nothing sent yet
        proxy.loseRepliesWhen((method, nth) -> method.equals("sql_prepare"));
        assertThrows(
            RuntimeException.class,
            () ->
                new Provisioner(chain.office())
                    .provision(chain.office().branches().require(1), rows -> {}));
        proxy.loseRepliesWhen((method, nth) -> false);
        try (Connection c = shop.connect()) {
          assertEquals(List.of(), RetailActions.ids(c, "product"), "the shop was erased");
        }

        ChainNodes.syncAll(chain);
      }
      chain.reregister(shop);
      try (Connection c = shop.connect()) {
        assertEquals(List.of(product), RetailActions.ids(c, "product"));
        long next =
            RetailActions.sell(
                c,
                1,
                null,
                List.of(new Line(product, BigDecimal.ONE, new BigDecimal("2.50"))),
                "card");
        assertEquals(firstSale + 1, next, "the shop's keys carry on in its own range");
      }
      ChainNodes.syncAll(chain);
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals(List.of(firstSale, firstSale + 1), RetailActions.ids(office, "sale"));
      }
    }
  }

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void aNewBranchWhoseRangeAlreadyHoldsOfficeRowsIsRefused(TestDialect dialect) throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      chain.addShop(1, dialect);
      try (Connection office = chain.office().dataSource().getConnection();
          var s = office.prepareStatement("INSERT INTO person (id, name) VALUES (10000005, 'x')")) {
        s.executeUpdate();
      }
      SyncException refused =
          assertThrows(
              SyncException.class,
              () ->
                  new Provisioner(chain.office())
                      .provision(chain.office().branches().require(1), rows -> {}));
      assertEquals(ErrorCode.ID_RANGE_OCCUPIED, refused.code());
      assertTrue(refused.getMessage().contains("10000005"), refused.getMessage());
      // refused before the shop was touched: nothing a later sync could take for a provisioning
      assertTrue(chain.office().states().find(1).isEmpty(), "no sync state was left behind");
      assertFalse(chain.office().provisioning().unfinished(1), "no provisioning mark was left");
      SyncOutcome sync =
          new FleetSync(chain.office()).sync(chain.office().branches().list()).get(0);
      assertFalse(sync.ok());
      assertTrue(sync.error().contains("never provisioned"), sync.error());
    }
  }
}
