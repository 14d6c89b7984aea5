package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.Office;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.testkit.TestDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Measurement 1: {@code clean} and a full push of the catalog to a shop over XML-RPC on loopback,
 * beside dump-and-restore of the same tables and a plain JDBC multi-row INSERT load, both into an
 * empty copy of the schema on the same server.
 */
final class ProvisioningBench {
  /** The tables provisioning sends for the retail policy set, parents first. */
  static final List<String> TABLES = List.of("parameter", "product", "service", "person");

  static final int JDBC_ROWS_PER_STATEMENT = 1_000;
  private final BenchSettings settings;
  private final Path logDir;

  ProvisioningBench(BenchSettings settings, Path logDir) {
    this.settings = settings;
    this.logDir = logDir;
  }

  /** Seconds and rows/s of dump-and-restore, which the incremental measurement compares with. */
  record Reload(Samples seconds, Samples rowsPerSecond) {}

  Reload run(TestDialect dialect, LocalChain chain, ChainShop shop, ResultTable table)
      throws SQLException {
    Branch branch = chain.branch(shop.branch());
    Samples ours = new Samples();
    Samples dumpRate = new Samples();
    Samples dumpSeconds = new Samples();
    Samples jdbcRate = new Samples();
    long rows = 0;
    try (PeerDatabase peer = PeerDatabase.create(dialect)) {
      for (int rep = 1; rep <= settings.repetitions(); rep++) {
        long started = System.nanoTime();
        rows = new Provisioner(chain.office()).provision(branch, n -> {}).rowsSent();
        ours.add(
            rate(
                rows,
                started,
                "provisioning " + Labels.of(dialect) + " " + rep + "/" + settings.repetitions()));
        double dumpTook = dumpAndRestore(chain, peer, rows);
        dumpSeconds.add(dumpTook);
        dumpRate.add(rows / dumpTook);
        jdbcRate.add(jdbcLoad(chain.office(), peer, rows));
      }
    }
    table.addProfile(
        "Where provisioning's time goes, "
            + Labels.of(dialect)
            + " shop (one run,"
            + " steps timed apart)",
        new ProvisioningProfile().run(chain, shop, dialect));
    // the profile cleaned the shop without giving it its ID range: provision it properly again
    new Provisioner(chain.office()).provision(branch, n -> {});
    String name =
        "Provisioning: clean + full push of "
            + Labels.count(rows)
            + " rows to a "
            + Labels.of(dialect)
            + " shop";
    table.add(
        new ResultRow(
            name,
            "rows/s",
            ours,
            DumpRestore.describe(dialect),
            dumpRate,
            Target.ratioAtLeast(0.5, "≥ 0.5 × peer")));
    table.add(
        new ResultRow(
            name + ", vs JDBC",
            "rows/s",
            ours,
            JdbcLoad.describe(JDBC_ROWS_PER_STATEMENT),
            jdbcRate,
            Target.none()));
    return new Reload(dumpSeconds, dumpRate);
  }

  /** Seconds to dump the office's tables and restore them into the empty peer. */
  private double dumpAndRestore(LocalChain chain, PeerDatabase peer, long rows)
      throws SQLException {
    String what = DumpRestore.describe(peer.database().dialect());
    peer.empty(TABLES);
    long started = System.nanoTime();
    new DumpRestore(logDir).copy(chain.officeDatabase(), peer.database(), TABLES);
    double seconds = since(started);
    requireRows(peer, rows, what);
    Progress.say("  %s: %.2f s (%.0f rows/s)", what, seconds, rows / seconds);
    return seconds;
  }

  /** Rows/s of the JDBC load from the office into the empty peer. */
  private double jdbcLoad(Office office, PeerDatabase peer, long rows) throws SQLException {
    peer.empty(TABLES);
    long started = System.nanoTime();
    try (Connection from = office.dataSource().getConnection();
        Connection to = peer.database().connect()) {
      new JdbcLoad(JDBC_ROWS_PER_STATEMENT)
          .copy(from, office.dialect(), to, peer.dialect(), TABLES);
    }
    double rate = rate(rows, started, "  " + JdbcLoad.describe(JDBC_ROWS_PER_STATEMENT));
    requireRows(peer, rows, "the JDBC load");
    return rate;
  }

  private static double rate(long rows, long startedNanos, String what) {
    double seconds = since(startedNanos);
    Progress.say("%s: %d rows in %.2f s (%.0f rows/s)", what, rows, seconds, rows / seconds);
    return rows / seconds;
  }

  private static void requireRows(PeerDatabase peer, long expected, String what)
      throws SQLException {
    long found = peer.count(TABLES);
    if (found != expected) {
      throw new IllegalStateException(what + " left " + found + " rows, expected " + expected);
    }
  }

  static double since(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
