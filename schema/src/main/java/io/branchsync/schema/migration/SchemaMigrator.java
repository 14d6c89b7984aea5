package io.branchsync.schema.migration;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Creates and upgrades a database's schema with Flyway: BranchSync's own metadata always, plus the
 * application schemas named by the caller (the demo {@code retail} schema, or an operator's own
 * migration folders).
 */
public final class SchemaMigrator {
  /** The application schema shipped with BranchSync: the demo retail tables of DESIGN.md. */
  public static final String RETAIL = "classpath:db/retail/{dialect}";

  private static final String HISTORY_TABLE = "branchsync_schema_history";
  private final Flyway flyway;

  /**
   * @param locations application schema locations; {@code {dialect}} in a location becomes {@code
   *     postgresql} or {@code mysql}
   */
  public SchemaMigrator(DataSource dataSource, Dialect dialect, List<String> locations) {
    List<String> all = new ArrayList<>();
    all.add("classpath:db/sync/" + dialect.migrationFolder());
    for (String location : locations) {
      all.add(location.replace("{dialect}", dialect.migrationFolder()));
    }
    this.flyway =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(all.toArray(String[]::new))
            .table(HISTORY_TABLE)
            .load();
  }

  /** Applies pending migrations; returns the schema version now in place. */
  public String migrate() {
    try {
      flyway.migrate();
      return version();
    } catch (FlywayException e) {
      throw new SyncException(
          ErrorCode.SCHEMA_MISMATCH, "migrating the schema: " + e.getMessage(), e);
    }
  }

  /** The version of the last applied migration, or "0" for an empty database. */
  public String version() {
    MigrationInfo current = flyway.info().current();
    return current == null || current.getVersion() == null
        ? "0"
        : current.getVersion().getVersion();
  }
}
