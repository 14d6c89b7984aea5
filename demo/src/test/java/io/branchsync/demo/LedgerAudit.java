package io.branchsync.demo;

import io.branchsync.demo.ChainLedger.Customer;
import io.branchsync.demo.ChainLedger.Sale;
import io.branchsync.demo.RetailActions.Line;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Holds every database of a chain to the ledger after a sync: every customer ever created is at
 * every node under its own key unless a delete of it was applied, every sale a shop committed is at
 * the office once with its lines and payment, and a customer edited at several nodes in one round
 * ends with one of the values written, the office's when the office wrote one (office-wins).
 * Returns problems as sentences; an empty list means the ledger holds.
 */
final class LedgerAudit {
  private final LocalChain chain;
  private final ChainLedger ledger;

  LedgerAudit(LocalChain chain, ChainLedger ledger) {
    this.chain = chain;
    this.ledger = ledger;
  }

  List<String> problems() throws SQLException {
    List<String> problems = new ArrayList<>();
    for (int node : ChainNodes.all(chain)) {
      try (Connection c = ChainNodes.connect(chain, node)) {
        customers(c, node, problems);
        editsThisRound(c, node, problems);
      }
    }
    try (Connection office = ChainNodes.connect(chain, ChainNodes.OFFICE)) {
      sales(office, problems);
    }
    return problems;
  }

  private void customers(Connection c, int node, List<String> problems) throws SQLException {
    String where = ChainNodes.name(node);
    for (Customer customer : ledger.customers()) {
      List<Long> ids = longs(c, "SELECT id FROM person WHERE name = ?", customer.name);
      if (customer.deleted()) {
        if (!ids.isEmpty()) {
          problems.add(
              customer.describe()
                  + " deleted at "
                  + ChainNodes.name(customer.deletedAt)
                  + " in round "
                  + customer.deletedRound
                  + " is still at "
                  + where
                  + " as "
                  + ids);
        }
      } else if (ids.isEmpty()) {
        problems.add(
            customer.describe()
                + " lost at "
                + where
                + ": no row has its name; id "
                + customer.id
                + " there is "
                + nameOf(c, customer.id));
      } else if (!ids.equals(List.of(customer.id))) {
        problems.add(customer.describe() + " at " + where + " has ids " + ids);
      }
    }
  }

  private void editsThisRound(Connection c, int node, List<String> problems) throws SQLException {
    for (Map.Entry<Customer, Map<Integer, String>> entry : ledger.editsThisRound().entrySet()) {
      Map<Integer, String> byNode = entry.getValue();
      // office-wins: a shop's edit of a row the office also changed is not applied.
      Collection<String> allowed =
          byNode.containsKey(ChainNodes.OFFICE)
              ? List.of(byNode.get(ChainNodes.OFFICE))
              : byNode.values();
      Customer customer = entry.getKey();
      // A customer that is gone is the customer check's to report.
      List<String> emails = strings(c, "SELECT email FROM person WHERE id = ?", customer.id);
      if (emails.size() == 1 && !allowed.contains(emails.get(0))) {
        problems.add(
            customer.describe()
                + ", edited this round at "
                + nodes(byNode)
                + " has email "
                + emails.get(0)
                + " at "
                + ChainNodes.name(node)
                + ", expected one of "
                + allowed);
      }
    }
  }

  private void sales(Connection office, List<String> problems) throws SQLException {
    for (ChainShop shop : chain.shops()) {
      int branch = shop.branch();
      List<Sale> committed = ledger.sales().stream().filter(s -> s.branch() == branch).toList();
      List<Long> atOffice =
          longs(office, "SELECT id FROM sale WHERE branch_id = ? ORDER BY id", branch);
      List<Long> expected = committed.stream().map(Sale::id).sorted().toList();
      if (!atOffice.equals(expected)) {
        problems.add(
            "shop " + branch + " committed sales " + expected + ", the office has " + atOffice);
      }
    }
    for (Sale sale : ledger.sales()) {
      String problem = saleProblem(office, sale);
      if (problem != null) {
        problems.add(
            "sale " + sale.id() + " of shop " + sale.branch() + " at the office: " + problem);
      }
    }
  }

  private static String saleProblem(Connection office, Sale sale) throws SQLException {
    String header = header(office, sale.id());
    String expected = sale.branch() + " " + sale.personId() + " " + sale.total();
    if (!expected.equals(header)) {
      return "branch, person, total " + header + "; committed " + expected;
    }
    List<Line> lines = lines(office, sale.id());
    if (!sameLines(lines, sale.lines())) {
      return "lines " + lines + ", committed " + sale.lines();
    }
    List<String> payments =
        strings(office, "SELECT method FROM payment WHERE sale_id = ?", sale.id());
    BigDecimal paid =
        decimal(office, "SELECT SUM(amount) FROM payment WHERE sale_id = ?", sale.id());
    if (!payments.equals(List.of(sale.method())) || paid.compareTo(sale.total()) != 0) {
      return "payments "
          + payments
          + " of "
          + paid
          + ", committed one "
          + sale.method()
          + " of "
          + sale.total();
    }
    return null;
  }

  /** "branch person total" of a sale, total without trailing zeros; null when absent. */
  private static String header(Connection c, long sale) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT branch_id, person_id, total FROM sale WHERE id = ?")) {
      s.setLong(1, sale);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long person = rs.getLong(2);
        Long personId = rs.wasNull() ? null : person;
        return rs.getInt(1) + " " + personId + " " + rs.getBigDecimal(3).setScale(2);
      }
    }
  }

  private static List<Line> lines(Connection c, long sale) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT product_id, quantity, price FROM sale_item WHERE sale_id = ? ORDER BY id")) {
      s.setLong(1, sale);
      List<Line> lines = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(new Line(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }
      }
      return lines;
    }
  }

  /** Numbers compared by value: the databases return 1.000 for the 1 the till wrote. */
  private static boolean sameLines(List<Line> a, List<Line> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).productId() != b.get(i).productId()
          || a.get(i).quantity().compareTo(b.get(i).quantity()) != 0
          || a.get(i).price().compareTo(b.get(i).price()) != 0) {
        return false;
      }
    }
    return true;
  }

  private static String nodes(Map<Integer, String> byNode) {
    return byNode.keySet().stream().map(ChainNodes::name).toList().toString();
  }

  private static String nameOf(Connection c, long id) throws SQLException {
    List<String> names = strings(c, "SELECT name FROM person WHERE id = ?", id);
    return names.isEmpty() ? "absent" : "named " + names.get(0);
  }

  private static BigDecimal decimal(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, value);
      try (ResultSet rs = s.executeQuery()) {
        BigDecimal result = rs.next() ? rs.getBigDecimal(1) : null;
        return result == null ? BigDecimal.ZERO : result;
      }
    }
  }

  private static List<Long> longs(Connection c, String sql, Object value) throws SQLException {
    return strings(c, sql, value).stream().map(Long::valueOf).toList();
  }

  private static List<String> strings(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, value);
      List<String> values = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }
}
