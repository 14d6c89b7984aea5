package io.branchsync.demo;

import io.branchsync.demo.RetailActions.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workload committed, node by node, independent of what sync did with it: the truth the
 * audit holds every database to. Lists keep insertion order so that a seed makes the same choices
 * whatever keys the databases handed out.
 */
final class ChainLedger {

  /** A customer the workload created, under a name no other customer has. */
  static final class Customer {
    final String name;
    final long id;
    final int createdAt;
    final int createdRound;
    int deletedAt = -1;
    int deletedRound;
    // A sale points at it: deleting it would null sale.person_id at one node only.
    boolean referenced;

    Customer(String name, long id, int createdAt, int createdRound) {
      this.name = name;
      this.id = id;
      this.createdAt = createdAt;
      this.createdRound = createdRound;
    }

    boolean deleted() {
      return deletedAt >= 0;
    }

    String describe() {
      return "customer "
          + name
          + " (id "
          + id
          + ", created at "
          + ChainNodes.name(createdAt)
          + " in round "
          + createdRound
          + ")";
    }
  }

  /** A sale as the shop's till committed it, with its lines and its one payment. */
  record Sale(
      int branch, long id, Long personId, BigDecimal total, String method, List<Line> lines) {}

  private final List<Customer> customers = new ArrayList<>();
  private final List<Sale> sales = new ArrayList<>();
  private final List<Long> liveProducts = new ArrayList<>();
  private final List<Long> soldProducts = new ArrayList<>();
  private final List<Long> liveServices = new ArrayList<>();
  // Customer -> node -> the email that node wrote last this round.
  private final Map<Customer, Map<Integer, String>> editsThisRound = new LinkedHashMap<>();
  private int sameRoundEdits;

  void startRound() {
    editsThisRound.clear();
  }

  Customer created(String name, long id, int node, int round) {
    Customer customer = new Customer(name, id, node, round);
    customers.add(customer);
    return customer;
  }

  void deleted(Customer customer, int node, int round) {
    customer.deletedAt = node;
    customer.deletedRound = round;
  }

  void edited(Customer customer, int node, String email) {
    Map<Integer, String> byNode =
        editsThisRound.computeIfAbsent(customer, c -> new LinkedHashMap<>());
    if (byNode.put(node, email) == null && byNode.size() == 2) {
      sameRoundEdits++;
    }
  }

  List<Customer> customers() {
    return List.copyOf(customers);
  }

  List<Customer> liveCustomers() {
    return customers.stream().filter(c -> !c.deleted()).toList();
  }

  Map<Customer, Map<Integer, String>> editsThisRound() {
    return editsThisRound;
  }

  void sold(Sale sale) {
    sales.add(sale);
    for (Line line : sale.lines()) {
      if (!soldProducts.contains(line.productId())) {
        soldProducts.add(line.productId());
      }
    }
  }

  List<Sale> sales() {
    return List.copyOf(sales);
  }

  void productAdded(long id) {
    liveProducts.add(id);
  }

  void productDeleted(long id) {
    liveProducts.remove(Long.valueOf(id));
  }

  List<Long> liveProducts() {
    return List.copyOf(liveProducts);
  }

  /** Products no sale_item references: the only ones the office may delete. */
  List<Long> unsoldProducts() {
    return liveProducts.stream().filter(id -> !soldProducts.contains(id)).toList();
  }

  void serviceAdded(long id) {
    liveServices.add(id);
  }

  void serviceDeleted(long id) {
    liveServices.remove(Long.valueOf(id));
  }

  List<Long> liveServices() {
    return List.copyOf(liveServices);
  }

  /** What the run exercised, so a green soak shows it did more than nothing. */
  String summary() {
    long deleted = customers.stream().filter(Customer::deleted).count();
    return customers.size()
        + " customers ("
        + deleted
        + " deleted), "
        + sameRoundEdits
        + " customers edited at two nodes in one round, "
        + sales.size()
        + " sales, "
        + liveProducts.size()
        + " products";
  }
}
