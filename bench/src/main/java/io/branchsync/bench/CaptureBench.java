package io.branchsync.bench;

import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.Dialects;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopInitializer;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Measurement 4: what change capture costs a shop's till. Inserts into {@code sale} and {@code
 * sale_item} of an initialized shop database, one row per statement and commit (a till in
 * auto-commit) and in JDBC batches of a thousand in one transaction, with the capture triggers and
 * without them ({@link CaptureInstaller#uninstall}). The two states alternate in order from one
 * repetition to the next.
 */
final class CaptureBench {
  static final int BATCH = 1_000;
  private static final List<String> TABLES = List.of("sale", "sale_item");
  private static final int ITEMS_PER_SALE = 3;
  private final BenchSettings settings;
  private final Path workDir;

  CaptureBench(BenchSettings settings, Path workDir) {
    this.settings = settings;
    this.workDir = workDir;
  }

  void run(TestDialect family, ResultTable table) throws SQLException {
    try (TestDatabase database = TestDatabases.create(family)) {
      ShopInitializer.init(
          ShopConfig.fromMap(
              Map.of(
                  "branch",
                  "1",
                  "db.url",
                  database.jdbcUrl(),
                  "db.user",
                  database.user(),
                  "db.password",
                  database.password(),
                  "staging.dir",
                  workDir.resolve("capture-staging").toString())));
      Dialect dialect = Dialects.detect(database.dataSource());
      CaptureInstaller capture = new CaptureInstaller(dialect);
      Samples[] till = {new Samples(), new Samples()};
      Samples[] batched = {new Samples(), new Samples()};
      try (Connection c = database.connect()) {
        long product = seedProduct(c);
        long sale;
        try (PreparedStatement s = c.prepareStatement(saleSql(), new String[] {"id"})) {
          sale = insertSale(s);
        }
        // untimed: the JIT and the server's caches warm up before either state is timed
        till(c, product);
        batched(c, product, sale);
        for (int rep = 0; rep < settings.repetitions(); rep++) {
          for (int k = 0; k < 2; k++) {
            boolean withTriggers = (rep + k) % 2 == 0;
            if (withTriggers) {
              capture.install(c, TABLES, false);
            } else {
              capture.uninstall(c, TABLES);
            }
            int index = withTriggers ? 0 : 1;
            till[index].add(till(c, product));
            batched[index].add(batched(c, product, sale));
          }
        }
        capture.install(c, TABLES, false);
      }
      report(family, till, batched, table);
    }
  }

  private void report(TestDialect family, Samples[] till, Samples[] batched, ResultTable table) {
    Progress.say(
        "capture %s: till %.0f rows/s with triggers, %.0f without; batched %.0f with,"
            + " %.0f without",
        Labels.of(family),
        till[0].median(),
        till[1].median(),
        batched[0].median(),
        batched[1].median());
    Target target = Target.ratioAtLeast(1 / 1.5, "≥ 0.67 × peer (≤ 50 % slower)");
    table.add(
        new ResultRow(
            "Capture: till inserts into sale/sale_item, one row per statement"
                + " and commit, "
                + Labels.of(family),
            "rows/s",
            till[0],
            "same without triggers",
            till[1],
            target));
    table.add(
        new ResultRow(
            "Capture: batched inserts into sale/sale_item, "
                + BATCH
                + " per batch, "
                + Labels.of(family),
            "rows/s",
            batched[0],
            "same without triggers",
            batched[1],
            target));
  }

  /** Rows/s of single-row inserts in auto-commit: a sale, then its items, one at a time. */
  private double till(Connection c, long product) throws SQLException {
    int sales = Math.max(1, settings.tillRows() / (1 + ITEMS_PER_SALE));
    long started = System.nanoTime();
    try (PreparedStatement sale = c.prepareStatement(saleSql(), new String[] {"id"});
        PreparedStatement item = c.prepareStatement(itemSql())) {
      for (int i = 0; i < sales; i++) {
        long id = insertSale(sale);
        for (int k = 0; k < ITEMS_PER_SALE; k++) {
          bindItem(item, id, product);
          item.executeUpdate();
        }
      }
    }
    return sales * (1 + ITEMS_PER_SALE) / ProvisioningBench.since(started);
  }

  /** Rows/s of JDBC batches in one transaction: sales, then items of an existing sale. */
  private double batched(Connection c, long product, long existingSale) throws SQLException {
    int sales = Math.max(1, settings.batchRows() / (1 + ITEMS_PER_SALE));
    int items = settings.batchRows() - sales;
    long started = System.nanoTime();
    c.setAutoCommit(false);
    try (PreparedStatement sale = c.prepareStatement(saleSql());
        PreparedStatement item = c.prepareStatement(itemSql())) {
      for (int i = 0; i < sales; i++) {
        bindSale(sale);
        sale.addBatch();
        if ((i + 1) % BATCH == 0 || i == sales - 1) {
          sale.executeBatch();
        }
      }
      for (int i = 0; i < items; i++) {
        bindItem(item, existingSale, product);
        item.addBatch();
        if ((i + 1) % BATCH == 0 || i == items - 1) {
          item.executeBatch();
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    return (sales + items) / ProvisioningBench.since(started);
  }

  private static long seedProduct(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO product (sku, description, price) VALUES ('BENCH-1', 'Till test', 1.00)",
            new String[] {"id"})) {
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static String saleSql() {
    return "INSERT INTO sale (branch_id, person_id, total) VALUES (?, ?, ?)";
  }

  private static String itemSql() {
    return "INSERT INTO sale_item (sale_id, product_id, quantity, price) VALUES (?, ?, ?, ?)";
  }

  private static void bindSale(PreparedStatement s) throws SQLException {
    s.setInt(1, 1);
    s.setNull(2, java.sql.Types.BIGINT);
    s.setBigDecimal(3, new BigDecimal("3.00"));
  }

  private static long insertSale(PreparedStatement s) throws SQLException {
    bindSale(s);
    s.executeUpdate();
    try (ResultSet keys = s.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static void bindItem(PreparedStatement s, long sale, long product) throws SQLException {
    s.setLong(1, sale);
    s.setLong(2, product);
    s.setBigDecimal(3, BigDecimal.ONE);
    s.setBigDecimal(4, BigDecimal.ONE);
  }
}
