package io.branchsync.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The writes an incremental sync carries: sales at a till (a sale, its items and a payment in one
 * transaction each) and the back office's catalog work (price changes, new and withdrawn products,
 * customers added, edited and removed, committed in small transactions).
 *
 * <p>Sales reference only the first {@code referenced} products and persons; the office deletes
 * only rows above that, so no delete ever meets a sale that still points at it.
 */
final class TradeGenerator {
  /** Rows one sale writes: the sale, three items, one payment. */
  static final int ROWS_PER_SALE = 5;

  private static final int ITEMS_PER_SALE = 3;
  private static final int STATEMENTS_PER_COMMIT = 100;
  private final SplittableRandom random;
  private final int referenced;

  TradeGenerator(long seed, int referenced) {
    this.random = new SplittableRandom(seed);
    this.referenced = referenced;
  }

  /** Makes {@code sales} sales at a shop; returns the rows written. */
  int sell(Connection c, int branch, int sales) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement sale =
            c.prepareStatement(
                "INSERT INTO sale (branch_id, person_id, total) VALUES (?, ?, ?)",
                new String[] {"id"});
        PreparedStatement item =
            c.prepareStatement(
                "INSERT INTO sale_item (sale_id, product_id, quantity, price) VALUES (?, ?, ?, ?)");
        PreparedStatement payment =
            c.prepareStatement("INSERT INTO payment (sale_id, method, amount) VALUES (?, ?, ?)")) {
      for (int i = 0; i < sales; i++) {
        BigDecimal[] prices = new BigDecimal[ITEMS_PER_SALE];
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 0; k < ITEMS_PER_SALE; k++) {
          prices[k] = CatalogGenerator.price(random);
          total = total.add(prices[k]);
        }
        long saleId = insertSale(sale, branch, total);
        for (int k = 0; k < ITEMS_PER_SALE; k++) {
          item.setLong(1, saleId);
          item.setLong(2, 1 + random.nextInt(referenced));
          item.setBigDecimal(3, BigDecimal.ONE);
          item.setBigDecimal(4, prices[k]);
          item.addBatch();
        }
        item.executeBatch();
        payment.setLong(1, saleId);
        payment.setString(2, random.nextBoolean() ? "card" : "cash");
        payment.setBigDecimal(3, total);
        payment.executeUpdate();
        c.commit();
      }
    } finally {
      c.setAutoCommit(true);
    }
    return sales * ROWS_PER_SALE;
  }

  private long insertSale(PreparedStatement sale, int branch, BigDecimal total)
      throws SQLException {
    sale.setInt(1, branch);
    if (random.nextInt(3) == 0) {
      sale.setLong(2, 1 + random.nextInt(referenced));
    } else {
      sale.setNull(2, java.sql.Types.BIGINT);
    }
    sale.setBigDecimal(3, total);
    sale.executeUpdate();
    try (ResultSet keys = sale.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  /**
   * Changes {@code rows} distinct catalog rows at the office: 40 % product price changes, 20 % new
   * products, 10 % products withdrawn, 15 % persons edited, 10 % new persons, 5 % persons removed.
   * Returns the rows changed.
   */
  int officeWork(Connection c, String tag, int rows, int products, int persons)
      throws SQLException {
    int productUpdates = rows * 40 / 100;
    int productInserts = rows * 20 / 100;
    int productDeletes = rows * 10 / 100;
    int personUpdates = rows * 15 / 100;
    int personInserts = rows * 10 / 100;
    int personDeletes =
        rows - productUpdates - productInserts - productDeletes - personUpdates - personInserts;
    c.setAutoCommit(false);
    try {
      int changed = delete(c, "product", productDeletes);
      changed += delete(c, "person", personDeletes);
      changed +=
          run(
              c,
              "UPDATE product SET price = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
              distinctIds(productUpdates, products / 2),
              id -> new Object[] {CatalogGenerator.price(random), id});
      changed +=
          run(
              c,
              "UPDATE person SET email = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
              distinctIds(personUpdates, persons / 2),
              id -> new Object[] {"edited." + tag + "." + id + "@example.com", id});
      changed +=
          run(
              c,
              "INSERT INTO product (sku, description, price) VALUES (?, ?, ?)",
              sequence(productInserts),
              i ->
                  new Object[] {
                    "NEW-" + tag + "-" + i,
                    CatalogGenerator.description(random),
                    CatalogGenerator.price(random)
                  });
      changed +=
          run(
              c,
              "INSERT INTO person (name, email, phone) VALUES (?, ?, ?)",
              sequence(personInserts),
              i ->
                  new Object[] {
                    "New Customer " + tag + "-" + i,
                    "new." + tag + "." + i + "@example.com",
                    CatalogGenerator.phone(random)
                  });
      c.commit();
      return changed;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Deletes the {@code count} highest-numbered rows of the office's range, above the referenced.
   */
  private int delete(Connection c, String table, int count) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM "
                + table
                + " WHERE id > ? AND id <= 10000000 ORDER BY id DESC LIMIT "
                + count)) {
      s.setLong(1, referenced);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return run(c, "DELETE FROM " + table + " WHERE id = ?", ids, id -> new Object[] {id});
  }

  /** Distinct IDs above the referenced ones and at most {@code upTo}. */
  private List<Long> distinctIds(int count, int upTo) {
    int span = upTo - referenced;
    if (span < count) {
      throw new IllegalArgumentException("the catalog is too small for " + count + " edits");
    }
    Set<Long> ids = new LinkedHashSet<>();
    while (ids.size() < count) {
      ids.add((long) referenced + 1 + random.nextInt(span));
    }
    return new ArrayList<>(ids);
  }

  private static List<Long> sequence(int count) {
    List<Long> values = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      values.add(i);
    }
    return values;
  }

  /** Runs one statement per value, batched, committing every hundred; returns the count. */
  private static int run(Connection c, String sql, List<Long> values, Binder binder)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int pending = 0;
      for (long value : values) {
        Object[] params = binder.bind(value);
        for (int i = 0; i < params.length; i++) {
          s.setObject(i + 1, params[i]);
        }
        s.addBatch();
        if (++pending == STATEMENTS_PER_COMMIT) {
          s.executeBatch();
          c.commit();
          pending = 0;
        }
      }
      if (pending > 0) {
        s.executeBatch();
        c.commit();
      }
    }
    return values.size();
  }

  @FunctionalInterface
  private interface Binder {
    Object[] bind(long value);
  }
}
