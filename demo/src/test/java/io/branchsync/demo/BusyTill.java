package io.branchsync.demo;

import io.branchsync.demo.RetailActions.Line;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A till selling at a steady pace on its own connection while a sync runs, as a shop open for
 * business does: what it committed goes to the ledger, and any sale that failed or waited long is
 * reported.
 */
final class BusyTill implements AutoCloseable {
  private final ChainShop shop;
  private final long pauseMs;
  private final List<Long> sellable;
  private final Random random;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final List<ChainLedger.Sale> sales = new ArrayList<>();
  private final List<Long> latenciesMs = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final CompletableFuture<Void> selling;

  /** A till making about 25 sales a second. */
  BusyTill(ChainShop shop, List<Long> sellable, long seed) {
    this(shop, sellable, seed, 40);
  }

  /** A till pausing {@code pauseMs} between sales (0: as fast as the database allows). */
  BusyTill(ChainShop shop, List<Long> sellable, long seed, long pauseMs) {
    this.shop = shop;
    this.pauseMs = pauseMs;
    this.sellable = List.copyOf(sellable);
    this.random = new Random(seed);
    this.selling = CompletableFuture.runAsync(this::sell);
  }

  private void sell() {
    if (sellable.isEmpty()) {
      return;
    }
    try (Connection c = shop.connect()) {
      while (open.get()) {
        List<Line> lines =
            List.of(
                new Line(
                    sellable.get(random.nextInt(sellable.size())),
                    BigDecimal.ONE,
                    new BigDecimal("1.00")));
        long started = System.nanoTime();
        try {
          long id = RetailActions.sell(c, shop.branch(), null, lines, "cash");
          latenciesMs.add((System.nanoTime() - started) / 1_000_000);
          sales.add(
              new ChainLedger.Sale(shop.branch(), id, null, new BigDecimal("1.00"), "cash", lines));
        } catch (SQLException e) {
          // sell() rolled the sale back; a till would tell the cashier, and so does this test
          errors.add("till of shop " + shop.branch() + " failed a sale: " + e.getMessage());
        }
        Thread.sleep(pauseMs);
      }
    } catch (SQLException e) {
      errors.add("till of shop " + shop.branch() + " lost its connection: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops selling and hands what was committed to the ledger. */
  @Override
  public void close() throws Exception {
    open.set(false);
    selling.get(120, TimeUnit.SECONDS);
  }

  List<ChainLedger.Sale> sales() {
    return sales;
  }

  List<Long> latenciesMs() {
    return latenciesMs;
  }

  List<String> errors() {
    return errors;
  }
}
