package io.branchsync.demo;

import io.branchsync.demo.ChainLedger.Customer;
import io.branchsync.demo.RetailActions.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One seeded round of what a chain does between two syncs: the office edits its catalog, every node
 * creates, edits and deletes customers, every shop sells. Writes go straight to each node's
 * database, as a till or a back office would make them, and into the ledger.
 *
 * <p>The mix is chosen so that the right outcome is known without running the sync: a customer
 * deleted in a round is touched nowhere else that round (an edit elsewhere may win over the delete
 * by the conflict rule), only customers no sale references are deleted (sale.person_id is ON DELETE
 * SET NULL, and MySQL fires no trigger for that), shops sell only products they have had since the
 * last sync and the office deletes only products nobody sold or sells this round.
 */
final class RetailWorkload {
  private static final String[] QUANTITIES = {"1", "2", "0.5", "1.250", "3"};
  private static final String[] METHODS = {"cash", "card", "voucher"};
  private final LocalChain chain;
  private final ChainLedger ledger;
  private final Random random;
  private final long seed;
  private int serial;

  RetailWorkload(LocalChain chain, ChainLedger ledger, long seed) {
    this.chain = chain;
    this.ledger = ledger;
    this.random = new Random(seed);
    this.seed = seed;
  }

  /** The office's catalog and customers before any shop is provisioned. */
  void stockOffice() throws SQLException {
    try (Connection c = ChainNodes.connect(chain, ChainNodes.OFFICE)) {
      RetailActions.setParameter(c, "currency", "EUR");
      for (int i = 0; i < 4; i++) {
        addProduct(c);
      }
      ledger.serviceAdded(RetailActions.addService(c, "Gift wrap", price()));
      for (int i = 0; i < 3; i++) {
        createCustomer(c, ChainNodes.OFFICE, 0);
      }
    }
  }

  /** Plays one round; returns the products shops may sell until the next sync. */
  List<Long> playRound(int round) throws SQLException {
    ledger.startRound();
    List<Long> sellable = editCatalog();
    List<Customer> untouched = new ArrayList<>(ledger.liveCustomers());
    deleteCustomers(untouched, round);
    editCustomers(untouched, round);
    List<Integer> nodes = ChainNodes.all(chain);
    for (int node : nodes) {
      List<Customer> created = new ArrayList<>();
      try (Connection c = ChainNodes.connect(chain, node)) {
        for (int i = random.nextInt(3); i > 0; i--) {
          created.add(createCustomer(c, node, round));
        }
        if (node != ChainNodes.OFFICE) {
          sell(c, node, sellable, untouched, created);
        }
      }
    }
    return sellable;
  }

  /** Office catalog changes; returns the products shops may sell this round. */
  private List<Long> editCatalog() throws SQLException {
    // Shops hold the catalog of the last sync: new products reach them only after this round.
    List<Long> sellable = new ArrayList<>(ledger.liveProducts());
    try (Connection c = ChainNodes.connect(chain, ChainNodes.OFFICE)) {
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        addProduct(c);
      }
      if (random.nextBoolean()) {
        ledger.serviceAdded(RetailActions.addService(c, "Service " + next(), price()));
      }
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        long product = pick(ledger.liveProducts());
        if (random.nextBoolean()) {
          RetailActions.changePrice(c, product, price());
        } else {
          RetailActions.changeDescription(c, product, "Product " + next() + " ✓");
        }
      }
      if (!ledger.liveServices().isEmpty() && random.nextBoolean()) {
        RetailActions.changeServicePrice(c, pick(ledger.liveServices()), price());
      }
      List<Long> unsold = ledger.unsoldProducts();
      if (!unsold.isEmpty() && random.nextInt(3) == 0) {
        long product = pick(unsold);
        RetailActions.deleteProduct(c, product);
        ledger.productDeleted(product);
        sellable.remove(Long.valueOf(product));
      }
      if (ledger.liveServices().size() > 1 && random.nextInt(3) == 0) {
        long service = pick(ledger.liveServices());
        RetailActions.deleteService(c, service);
        ledger.serviceDeleted(service);
      }
    }
    return sellable;
  }

  /** Deletes up to two customers no sale references, each at one node; no node touches them. */
  private void deleteCustomers(List<Customer> untouched, int round) throws SQLException {
    for (int i = random.nextInt(3); i > 0; i--) {
      List<Customer> unreferenced = untouched.stream().filter(c -> !c.referenced).toList();
      if (unreferenced.isEmpty()) {
        return;
      }
      Customer customer = pick(unreferenced);
      int node = randomNode();
      try (Connection c = ChainNodes.connect(chain, node)) {
        RetailActions.deletePerson(c, customer.id);
      }
      ledger.deleted(customer, node, round);
      untouched.remove(customer);
    }
  }

  /** Edits at single nodes, and often one customer edited at two nodes in the same round. */
  private void editCustomers(List<Customer> live, int round) throws SQLException {
    if (live.isEmpty()) {
      return;
    }
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      edit(pick(live), randomNode(), round);
    }
    if (random.nextInt(5) < 3) {
      Customer customer = pick(live);
      int nodes = ChainNodes.all(chain).size();
      int first = randomNode();
      int second = (first + 1 + random.nextInt(nodes - 1)) % nodes;
      edit(customer, first, round);
      edit(customer, second, round);
    }
  }

  private void edit(Customer customer, int node, int round) throws SQLException {
    String email =
        "e" + round + "-" + next() + "@" + ChainNodes.name(node).replace(' ', '-') + ".example";
    try (Connection c = ChainNodes.connect(chain, node)) {
      RetailActions.editPerson(c, customer.id, email);
    }
    ledger.edited(customer, node, email);
  }

  /** One or two sales, each with its lines and payment in one transaction at the till. */
  private void sell(
      Connection c,
      int branch,
      List<Long> sellable,
      List<Customer> known,
      List<Customer> createdHere)
      throws SQLException {
    if (sellable.isEmpty()) {
      return;
    }
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      List<Line> lines = new ArrayList<>();
      for (int j = 1 + random.nextInt(3); j > 0; j--) {
        lines.add(new Line(pick(sellable), new BigDecimal(pick(List.of(QUANTITIES))), price()));
      }
      Customer buyer = buyer(known, createdHere);
      Long personId = buyer == null ? null : buyer.id;
      String method = pick(List.of(METHODS));
      long id = RetailActions.sell(c, branch, personId, lines, method);
      if (buyer != null) {
        buyer.referenced = true;
      }
      ledger.sold(new ChainLedger.Sale(branch, id, personId, total(lines), method, lines));
    }
  }

  /** No customer, one this shop has known since the last sync, or one it created just now. */
  private Customer buyer(List<Customer> known, List<Customer> createdHere) {
    int choice = random.nextInt(3);
    if (choice == 1 && !known.isEmpty()) {
      return pick(known);
    }
    if (choice == 2 && !createdHere.isEmpty()) {
      return pick(createdHere);
    }
    return null;
  }

  private Customer createCustomer(Connection c, int node, int round) throws SQLException {
    // The name is the customer's identity for the audit: unique across seeds and nodes.
    String name = "c-" + seed + "-" + next();
    String email = random.nextBoolean() ? null : name + "@example.com";
    return ledger.created(name, RetailActions.addPerson(c, name, email), node, round);
  }

  private void addProduct(Connection c) throws SQLException {
    int n = next();
    long id = RetailActions.addProduct(c, "p-" + seed + "-" + n, "Product " + n, price());
    ledger.productAdded(id);
  }

  private static BigDecimal total(List<Line> lines) {
    return lines.stream()
        .map(l -> l.price().multiply(l.quantity()))
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private BigDecimal price() {
    return BigDecimal.valueOf(50 + random.nextInt(9950), 2);
  }

  private int randomNode() {
    return random.nextInt(ChainNodes.all(chain).size());
  }

  private int next() {
    return ++serial;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
