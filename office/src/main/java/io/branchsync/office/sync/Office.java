package io.branchsync.office.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.branchsync.office.client.ShopClient;
import io.branchsync.office.client.ShopClientSettings;
import io.branchsync.office.client.ShopConnector;
import io.branchsync.office.config.OfficeConfig;
import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.registry.BranchRepository;
import io.branchsync.office.registry.ConflictRepository;
import io.branchsync.office.registry.FailedRowRepository;
import io.branchsync.office.registry.ProvisioningRepository;
import io.branchsync.office.registry.SyncStateRepository;
import io.branchsync.schema.DatabaseOpenFailure;
import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.Dialects;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.schema.idrange.LocalKeyAllocators;
import io.branchsync.schema.migration.SchemaMigrator;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import io.branchsync.schema.policy.PolicySetLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The office's wiring: its database, dialect, repositories, policy sets and shop clients. One per
 * process; closing it closes the connection pool.
 */
public final class Office implements AutoCloseable {
  private final OfficeConfig config;
  private final DataSource dataSource;
  private final AutoCloseable pool;
  private final Dialect dialect;
  private final Credentials credentials;
  private final ShopConnector shops;
  private final Map<String, PolicySet> policySets = new ConcurrentHashMap<>();
  private volatile SchemaCatalog catalog;

  private Office(
      OfficeConfig config,
      DataSource dataSource,
      AutoCloseable pool,
      Credentials credentials,
      ShopClientSettings clientSettings) {
    this.config = config;
    this.dataSource = dataSource;
    this.pool = pool;
    this.dialect = Dialects.detect(dataSource);
    this.credentials = credentials;
    this.shops = new ShopConnector(clientSettings);
  }

  /** Opens a pool on the configured database. */
  public static Office open(OfficeConfig config, Map<String, String> env) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.get(OfficeKey.DB_URL));
    hikari.setUsername(config.get(OfficeKey.DB_USER));
    hikari.setPassword(config.get(OfficeKey.DB_PASSWORD));
    hikari.setMaximumPoolSize(config.intValue(OfficeKey.DB_POOL_SIZE));
    hikari.setPoolName("branchsync-office");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw DatabaseOpenFailure.of(config.get(OfficeKey.DB_URL), OfficeKey.DB_URL.key(), e);
    }
    try {
      return new Office(config, pool, pool, new Credentials(env), TlsTrust.settings(config, env));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Creates or upgrades the office schema (sync metadata and the application tables). */
  public String migrate() {
    String version = new SchemaMigrator(dataSource, dialect, config.schemaLocations()).migrate();
    catalog = null;
    return version;
  }

  /**
   * Migrates the office schema, installs change capture on the tables a policy set pushes to shops
   * and key allocators on the tables whose rows branches create. Capture at the office also logs
   * writes applied from shops, since the office passes them on to the other shops.
   */
  public String initialize(String policySetName) {
    String version = migrate();
    PolicySet policies = policySet(policySetName);
    try (Connection c = dataSource.getConnection()) {
      new CaptureInstaller(dialect).install(c, policies.tables(Policy::pushedOnSync), true);
      // the office creates rows of range 0 (customers at head office) like any branch
      new LocalKeyAllocators(dialect)
          .install(
              c,
              SchemaCatalog.read(c),
              policies.tables(Policy::needsIdRange),
              Optional.of(IdRange.forBranch(0)));
    } catch (SQLException e) {
      throw io.branchsync.schema.SyncException.fromSql("installing office change capture", e);
    }
    return version;
  }

  public OfficeConfig config() {
    return config;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * The office schema, read from the database's metadata once per process: reading it costs dozens
   * of metadata queries, too many for every sync. Migrations through {@link #migrate} refresh it; a
   * schema changed behind a running office needs a restart.
   */
  public SchemaCatalog catalog() {
    SchemaCatalog known = catalog;
    if (known == null) {
      try (Connection c = dataSource.getConnection()) {
        known = SchemaCatalog.read(c);
        catalog = known;
      } catch (SQLException e) {
        throw io.branchsync.schema.SyncException.fromSql("reading the office schema", e);
      }
    }
    return known;
  }

  /** The policy set a branch syncs with, validated against the office schema once. */
  public PolicySet policySet(String nameOrPath) {
    return policySets.computeIfAbsent(
        nameOrPath,
        name -> {
          PolicySet set = PolicySetLoader.load(name);
          set.validate(catalog());
          return set;
        });
  }

  public ShopClient client(Branch branch) {
    return shops.client(branch.url(), branch.user(), credentials.secret(branch.credentialsRef()));
  }

  public BranchRepository branches() {
    return new BranchRepository(dataSource);
  }

  public SyncStateRepository states() {
    return new SyncStateRepository(dataSource);
  }

  public ProvisioningRepository provisioning() {
    return new ProvisioningRepository(dataSource);
  }

  public ConflictRepository conflicts() {
    return new ConflictRepository(dataSource);
  }

  public FailedRowRepository failedRows() {
    return new FailedRowRepository(dataSource);
  }

  @Override
  public void close() throws Exception {
    pool.close();
  }
}
