package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Provisioning a shop again while syncs of it run and its till keeps selling: every sale the till
 * committed reaches the office exactly once, however the provisionings and syncs interleave.
 */
class ProvisionRaceIT {

  @ParameterizedTest(name = "shop on {0}")
  @EnumSource(TestDialect.class)
  void noCommittedSaleIsLostWhenProvisioningRacesSyncsAndTills(TestDialect dialect)
      throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      ChainShop shop = chain.addShop(1, dialect);
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
      }
      ChainNodes.provisionAll(chain);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      AtomicBoolean selling = new AtomicBoolean(true);
      Set<Long> ledger = new ConcurrentSkipListSet<>();
      List<String> tillErrors = new ArrayList<>();
      AtomicInteger provisioned = new AtomicInteger();
      List<String> refusals = new ArrayList<>();
      try {
        Future<?> till = pool.submit(() -> sell(shop, selling, ledger, tillErrors));
        Future<?> syncs =
            pool.submit(
                () -> {
                  FleetSync fleet = new FleetSync(chain.office());
                  for (int i = 0; i < 12 && selling.get(); i++) {
                    fleet.sync(chain.office().branches().list());
                  }
                });
        Provisioner provisioner = new Provisioner(chain.office());
        for (int round = 0; round < 4; round++) {
          try {
            provisioner.provision(chain.office().branches().require(1), rows -> {});
            provisioned.incrementAndGet();
          } catch (RuntimeException e) {
            // busy with a sync, or the till kept selling: the shop is left as it was
            refusals.add(e.getMessage());
          }
          Thread.sleep(200);
        }
        syncs.get(5, TimeUnit.MINUTES);
        selling.set(false);
        till.get(1, TimeUnit.MINUTES);
      } finally {
        selling.set(false);
        pool.shutdownNow();
      }
      for (int run = 0; run < 2; run++) {
        for (SyncOutcome o : new FleetSync(chain.office()).sync(chain.office().branches().list())) {
          assertTrue(o.ok(), o.toString());
        }
      }
      assertEquals(List.of(), tillErrors, "the till never fails because of a sync");
      assertTrue(ledger.size() >= 10, "the till sold " + ledger.size());
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals(
            new TreeSet<>(ledger),
            saleIds(office),
            "every committed sale at the office exactly once ("
                + provisioned.get()
                + " provisionings went through)");
      }
      System.out.printf(
          "provision race on %s: %d of 4 provisionings went through, %d sales;" + " refused: %s%n",
          dialect, provisioned.get(), ledger.size(), refusals);
      assertTrue(provisioned.get() > 0, "no provisioning got through the race: " + refusals);
    }
  }

  private static void sell(
      ChainShop shop, AtomicBoolean selling, Set<Long> ledger, List<String> errors) {
    try (Connection c = shop.connect()) {
      for (int sale = 1; selling.get(); sale++) {
        try {
          // a sale and its payment in one transaction; no lines, as clean erases the products
          ledger.add(RetailActions.sell(c, 1, null, List.of(), "cash"));
        } catch (SQLException e) {
          synchronized (errors) {
            errors.add(e.getMessage());
          }
        }
        // bursts of sales with quiet moments between, as a shop's trade goes: provisioning
        // finds a moment to erase in, and sales still land between its steps
        Thread.sleep(sale % 10 == 0 ? 700 : 40);
      }
    } catch (SQLException e) {
      errors.add("till could not connect: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Set<Long> saleIds(Connection office) throws SQLException {
    return new TreeSet<>(RetailActions.ids(office, "sale"));
  }
}
