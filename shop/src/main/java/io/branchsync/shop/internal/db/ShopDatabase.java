package io.branchsync.shop.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.branchsync.schema.DatabaseOpenFailure;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.Dialects;
import io.branchsync.schema.migration.SchemaMigrator;
import io.branchsync.schema.policy.PolicySet;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.shop.ShopConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The shop's database: a connection pool, the dialect detected once, the policy set, and the schema
 * migrations. Shared by the server and the command line.
 */
public final class ShopDatabase implements AutoCloseable {

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final PolicySet policies;
  private final ShopConfig config;
  // Reading the catalog takes dozens of metadata queries (tens of ms, more on MariaDB): too slow
  // for every diff. Only a rebuild of the schema changes it, and that renews the connections.
  private volatile SchemaCatalog catalog;

  private ShopDatabase(
      ShopConfig config, HikariDataSource pool, Dialect dialect, PolicySet policies) {
    this.config = config;
    this.pool = pool;
    this.dialect = dialect;
    this.policies = policies;
  }

  /**
   * Opens the pool, detects the dialect and loads the policy set.
   *
   * @param config the shop's configuration
   * @return the database
   * @throws io.branchsync.schema.SyncException if the database cannot be reached or the policy set
   *     cannot be loaded
   */
  public static ShopDatabase open(ShopConfig config) {
    PolicySet policies = PolicySetLoader.load(config.policySet());
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("branchsync-shop-" + config.branch());
    hikari.setJdbcUrl(config.dbUrl());
    if (!config.dbUser().isEmpty()) {
      hikari.setUsername(config.dbUser());
    }
    if (!config.dbPassword().isEmpty()) {
      hikari.setPassword(config.dbPassword());
    }
    // every open insertion session holds a connection for its transaction
    hikari.setMaximumPoolSize(config.dbPoolSize() + config.limits().sessions());
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw DatabaseOpenFailure.of(config.dbUrl(), "db.url", e);
    }
    try {
      return new ShopDatabase(config, pool, Dialects.detect(pool), policies);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The pooled data source.
   *
   * @return the pool
   */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Borrows a connection; close it to return it.
   *
   * @return a connection in autocommit mode
   * @throws SQLException if none can be had within the pool's timeout
   */
  public Connection connect() throws SQLException {
    return pool.getConnection();
  }

  /**
   * The database's dialect.
   *
   * @return the dialect, detected when the pool opened
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * The policy set of this shop.
   *
   * @return the loaded set
   */
  public PolicySet policies() {
    return policies;
  }

  /**
   * Tables the shop accepts from the office: {@code FromSource}, {@code Both} and {@code Initial}.
   *
   * @return lower-case table names
   */
  public Set<String> officeToShopTables() {
    return lowerCase(policies.tables(p -> p.officeToShop()));
  }

  /**
   * Tables whose changes the shop sends to the office: {@code FromTarget} and {@code Both}.
   *
   * @return lower-case table names
   */
  public Set<String> shopToOfficeTables() {
    return lowerCase(policies.tables(p -> p.shopToOffice()));
  }

  /**
   * A migrator for the configured schema locations.
   *
   * @return a new migrator
   */
  public SchemaMigrator migrator() {
    return new SchemaMigrator(pool, dialect, config.schemaLocations());
  }

  /**
   * The tables of the shop's schema, read once and kept until {@link #renewConnections()}.
   *
   * @return the catalog
   * @throws io.branchsync.schema.SyncException if the database cannot be read
   */
  public SchemaCatalog catalog() {
    SchemaCatalog known = catalog;
    if (known != null) {
      return known;
    }
    try (Connection connection = connect()) {
      return catalog(connection);
    } catch (SQLException e) {
      throw SyncException.fromSql("reading the shop's tables", e);
    }
  }

  /**
   * The same catalog, read through a connection the caller already holds, so that a caller inside a
   * transaction never waits for a second connection from the pool.
   *
   * @param connection a connection borrowed from this pool
   * @return the catalog
   */
  public SchemaCatalog catalog(Connection connection) {
    SchemaCatalog known = catalog;
    if (known == null) {
      known = SchemaCatalog.read(connection);
      catalog = known;
    }
    return known;
  }

  /**
   * Replaces every pooled connection as it comes back, and forgets the catalog; after the schema
   * was erased and rebuilt, a connection's cached statement plans point at tables that no longer
   * exist.
   */
  public void renewConnections() {
    catalog = null;
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean != null) {
      bean.softEvictConnections();
    }
  }

  /**
   * Removes a connection from the pool for good, for one whose session state could not be reset.
   *
   * @param connection a connection borrowed from this pool
   */
  public void evict(Connection connection) {
    pool.evictConnection(connection);
  }

  /** Closes the pool; connections still in use are closed, rolling back their transactions. */
  @Override
  public void close() {
    pool.close();
  }

  private static Set<String> lowerCase(Iterable<String> tables) {
    Set<String> names = new TreeSet<>();
    tables.forEach(t -> names.add(t.toLowerCase(Locale.ROOT)));
    return names;
  }
}
