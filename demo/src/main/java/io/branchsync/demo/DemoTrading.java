package io.branchsync.demo;

import io.branchsync.demo.RetailActions.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A day of trading in the demo chain: sales and payments at the shops, prices and new products at
 * the office, customers created and edited everywhere, and one customer edited at the office and a
 * shop in the same round so a conflict has to be resolved.
 */
final class DemoTrading {
  private final LocalChain chain;
  private final Random random;

  DemoTrading(LocalChain chain, long seed) {
    this.chain = chain;
    this.random = new Random(seed);
  }

  /** The catalog and customers the office starts with. */
  void seedOffice(int products, int persons) throws SQLException {
    try (Connection c = chain.office().dataSource().getConnection()) {
      c.setAutoCommit(false);
      RetailActions.setParameter(c, "currency", "EUR");
      RetailActions.setParameter(c, "receipt.footer", "Thank you — obrigado — 谢谢 🧾");
      for (int i = 1; i <= products; i++) {
        RetailActions.addProduct(c, "SKU-" + i, "Product " + i, price(1, 50));
      }
      RetailActions.addService(c, "Gift wrap", new BigDecimal("1.50"));
      RetailActions.addService(c, "Home delivery", new BigDecimal("4.90"));
      for (int i = 1; i <= persons; i++) {
        RetailActions.addPerson(c, "Customer " + i, "customer" + i + "@example.com");
      }
      c.commit();
    }
  }

  /** One round; returns what was done, for the report. */
  String trade(int round, int salesPerShop) throws SQLException {
    List<Long> products;
    List<Long> persons;
    long contested;
    try (Connection office = chain.office().dataSource().getConnection()) {
      products = RetailActions.ids(office, "product");
      persons = RetailActions.ids(office, "person");
      for (int i = 0; i < 3; i++) {
        RetailActions.changePrice(office, pick(products), price(1, 60));
      }
      RetailActions.addProduct(office, "NEW-" + round, "New in round " + round, price(2, 30));
      RetailActions.addPerson(office, "Office customer r" + round, null);
      contested = pick(persons);
      RetailActions.editPerson(office, contested, "office-r" + round + "@example.com");
    }
    for (ChainShop shop : chain.shops()) {
      try (Connection c = shop.connect()) {
        long newcomer =
            RetailActions.addPerson(
                c,
                "Walk-in " + shop.branch() + "." + round,
                "walkin" + shop.branch() + "r" + round + "@example.com");
        for (int i = 0; i < salesPerShop; i++) {
          Long buyer = random.nextInt(3) == 0 ? null : (i == 0 ? newcomer : pick(persons));
          RetailActions.sell(
              c, shop.branch(), buyer, lines(products), random.nextBoolean() ? "card" : "cash");
        }
        RetailActions.editPerson(
            c, pick(persons), "shop" + shop.branch() + "-r" + round + "@example.com");
        if (shop.branch() == 1) {
          RetailActions.editPerson(c, contested, "shop1-r" + round + "@example.com");
        }
      }
    }
    return String.format(
        "office: 3 price changes, 1 new product, 1 new customer, customer %d"
            + " edited; each shop: %d sales with payments, 1 new customer, 1 customer edited;"
            + " shop 1 also edited customer %d",
        contested, salesPerShop, contested);
  }

  private List<Line> lines(List<Long> products) {
    List<Line> lines = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      lines.add(new Line(pick(products), BigDecimal.valueOf(1 + random.nextInt(3)), price(1, 50)));
    }
    return lines;
  }

  private long pick(List<Long> ids) {
    return ids.get(random.nextInt(ids.size()));
  }

  private BigDecimal price(int low, int high) {
    return BigDecimal.valueOf(low * 100L + random.nextInt((high - low) * 100), 2)
        .setScale(2, RoundingMode.UNNECESSARY);
  }
}
