package io.branchsync.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What people do at a till and at the head office, as plain SQL on the demo retail schema: the
 * writes sync must carry. IDs come from the database (sequence or AUTO_INCREMENT), as a point of
 * sale would leave them.
 */
public final class RetailActions {
  private RetailActions() {}

  /** One line of a sale. */
  public record Line(long productId, BigDecimal quantity, BigDecimal price) {}

  /** Records a sale with its lines and one payment in one transaction; returns the sale id. */
  public static long sell(Connection c, int branch, Long personId, List<Line> lines, String method)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      BigDecimal total =
          lines.stream()
              .map(l -> l.price().multiply(l.quantity()))
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .setScale(2, java.math.RoundingMode.HALF_UP);
      long sale =
          insert(
              c,
              "INSERT INTO sale (branch_id, person_id, total) VALUES (?, ?, ?)",
              branch,
              personId,
              total);
      for (Line line : lines) {
        insert(
            c,
            "INSERT INTO sale_item (sale_id, product_id, quantity, price) VALUES (?, ?, ?, ?)",
            sale,
            line.productId(),
            line.quantity(),
            line.price());
      }
      insert(
          c, "INSERT INTO payment (sale_id, method, amount) VALUES (?, ?, ?)", sale, method, total);
      c.commit();
      return sale;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  public static long addPerson(Connection c, String name, String email) throws SQLException {
    return insert(c, "INSERT INTO person (name, email) VALUES (?, ?)", name, email);
  }

  public static void editPerson(Connection c, long id, String email) throws SQLException {
    update(
        c, "UPDATE person SET email = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?", email, id);
  }

  public static void deletePerson(Connection c, long id) throws SQLException {
    update(c, "DELETE FROM person WHERE id = ?", id);
  }

  public static long addProduct(Connection c, String sku, String description, BigDecimal price)
      throws SQLException {
    return insert(
        c,
        "INSERT INTO product (sku, description, price) VALUES (?, ?, ?)",
        sku,
        description,
        price);
  }

  public static void changePrice(Connection c, long productId, BigDecimal price)
      throws SQLException {
    update(
        c,
        "UPDATE product SET price = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
        price,
        productId);
  }

  public static void changeDescription(Connection c, long productId, String description)
      throws SQLException {
    update(
        c,
        "UPDATE product SET description = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
        description,
        productId);
  }

  /** Only a product no sale_item references: sale lines keep their product. */
  public static void deleteProduct(Connection c, long productId) throws SQLException {
    update(c, "DELETE FROM product WHERE id = ?", productId);
  }

  public static void changeServicePrice(Connection c, long serviceId, BigDecimal price)
      throws SQLException {
    update(c, "UPDATE service SET price = ? WHERE id = ?", price, serviceId);
  }

  public static void deleteService(Connection c, long serviceId) throws SQLException {
    update(c, "DELETE FROM service WHERE id = ?", serviceId);
  }

  public static void setParameter(Connection c, String name, String value) throws SQLException {
    update(c, "INSERT INTO parameter (name, value) VALUES (?, ?)", name, value);
  }

  public static long addService(Connection c, String description, BigDecimal price)
      throws SQLException {
    return insert(c, "INSERT INTO service (description, price) VALUES (?, ?)", description, price);
  }

  /** Ids of a table's rows, in order. */
  public static List<Long> ids(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      List<Long> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    }
  }

  private static long insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
      bind(s, values);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
  }
}
