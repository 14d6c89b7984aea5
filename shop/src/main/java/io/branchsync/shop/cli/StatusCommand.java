package io.branchsync.shop.cli;

import io.branchsync.schema.capture.ChangeLog;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.schema.idrange.IdRangeAssigner;
import io.branchsync.schema.policy.Policy;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.db.SettingsRepository;
import io.branchsync.shop.internal.db.ShopDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shop status}: what an operator checks first, read straight from the database, so it works
 * whether or not the server runs.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Show branch, database, schema version, changes waiting for the office and ID range use."
            + " Works whether or not the server runs.")
final class StatusCommand implements Runnable {

  // Warn well before a range fills: a full range stops the shop's own inserts.
  private static final double WARN_USE = 0.8;

  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    ShopConfig shop = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (ShopDatabase database = ShopDatabase.open(shop);
        Connection connection = database.connect()) {
      out.println(
          "Branch:           "
              + shop.branch()
              + " (user "
              + BranchAuthenticator.userFor(shop.branch())
              + ")");
      Optional<String> recorded = SettingsRepository.get(connection, SettingsRepository.BRANCH);
      if (recorded.isPresent() && !recorded.get().equals(Integer.toString(shop.branch()))) {
        out.println("WARNING:          the database was initialized for branch " + recorded.get());
      }
      out.println(
          "Database:         "
              + database.dialect().sqlDialect().wireName()
              + ", schema version "
              + database.migrator().version());
      out.println("Policy set:       " + database.policies().name());
      out.println(
          "Pending changes:  "
              + ChangeLog.pending(connection)
              + " (not yet acknowledged by the office)");
      idRange(out, database, connection);
    } catch (SQLException e) {
      throw new CommandFailure("cannot read the shop's database: " + e.getMessage());
    }
  }

  private static void idRange(PrintWriter out, ShopDatabase database, Connection connection) {
    Optional<String> first = SettingsRepository.get(connection, SettingsRepository.ID_RANGE_FIRST);
    Optional<String> last = SettingsRepository.get(connection, SettingsRepository.ID_RANGE_LAST);
    if (first.isEmpty() || last.isEmpty()) {
      out.println("ID range:         not set (the office sets it with setidstart)");
      return;
    }
    IdRange range = new IdRange(Long.parseLong(first.get()), Long.parseLong(last.get()));
    out.println("ID range:         " + range);
    IdRangeAssigner assigner = new IdRangeAssigner(database.dialect());
    for (String table : database.policies().tables(Policy::needsIdRange)) {
      long used = assigner.highestUsed(connection, table, range) - range.first() + 1;
      double share = (double) used / range.size();
      out.printf(
          "  %-14s  %d of %d used (%.2f %%)%s%n",
          table,
          used,
          range.size(),
          share * 100,
          share >= WARN_USE ? "  WARNING: the range is filling up" : "");
    }
  }
}
