package io.branchsync.shop.internal.db;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.KeyAllocator;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.schema.idrange.LocalKeyAllocators;
import io.branchsync.schema.policy.Policy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Brings a shop's database to the state serving needs: the schema migrated, change capture on the
 * tables whose changes go to the office, key allocators on the tables whose rows it creates, the
 * policy set valid, the branch number recorded. Used by {@code shop init}, and checked (without
 * changing anything) when the server starts. ({@code clean} no longer touches the schema: see
 * {@link ShopCleaner}.)
 */
public final class SchemaSetup {

  private final ShopDatabase database;
  private final int branch;

  /**
   * Creates the setup for a database.
   *
   * @param database the shop's database
   * @param branch this shop's branch number
   */
  public SchemaSetup(ShopDatabase database, int branch) {
    this.database = database;
    this.branch = branch;
  }

  /**
   * Migrates the schema, installs capture and key allocators, validates the policy set and records
   * the branch.
   *
   * @return the schema version now in place
   */
  public String apply() {
    return apply(false);
  }

  /**
   * The same, optionally giving a database recorded for another branch to this one.
   *
   * @param changeBranch whether a database recorded for another branch may become this branch's;
   *     without it such a database is refused before anything changes
   * @return the schema version now in place
   */
  public String apply(boolean changeBranch) {
    if (!changeBranch) {
      refuseAnotherBranchs();
    }
    String version = database.migrator().migrate();
    // statements cached by pooled connections refer to objects that may just have been replaced
    database.renewConnections();
    try (Connection connection = database.connect()) {
      new CaptureInstaller(database.dialect())
          .install(connection, database.shopToOfficeTables(), false);
      SchemaCatalog catalog = SchemaCatalog.read(connection);
      database.policies().validate(catalog);
      new LocalKeyAllocators(database.dialect())
          .install(connection, catalog, ownKeyTables(), ownRange(connection));
      SettingsRepository.put(connection, SettingsRepository.BRANCH, Integer.toString(branch));
    } catch (SQLException e) {
      throw SyncException.fromSql("setting up the shop's schema", e);
    }
    return version;
  }

  /** A database set up for another branch is that branch's shop: relabelling it is a mistake. */
  private void refuseAnotherBranchs() {
    if ("0".equals(database.migrator().version())) {
      return; // nothing recorded yet
    }
    try (Connection connection = database.connect()) {
      refuseAnotherBranchs(
          connection,
          "nothing was changed. Check db.url and branch; to give this database to branch "
              + branch
              + " (its rows stay; provision it afterwards), run shop init --change-branch");
    } catch (SQLException e) {
      throw SyncException.fromSql("reading the shop's branch number", e);
    }
  }

  private void refuseAnotherBranchs(Connection connection, String advice) throws SQLException {
    Optional<String> recorded = SettingsRepository.get(connection, SettingsRepository.BRANCH);
    if (recorded.isPresent() && !recorded.get().equals(Integer.toString(branch))) {
      throw new SyncException(
          ErrorCode.SCHEMA_MISMATCH,
          "the database belongs to branch "
              + recorded.get()
              + ", the configuration says branch "
              + branch
              + "; "
              + advice);
    }
  }

  /**
   * Checks, changing nothing, that the database was set up for this branch.
   *
   * @throws SyncException {@link ErrorCode#SCHEMA_MISMATCH} naming what is missing or wrong, or
   *     {@link ErrorCode#BAD_POLICY} if the policy set does not fit the schema
   */
  public void check() {
    String version = database.migrator().version();
    if ("0".equals(version)) {
      throw new SyncException(
          ErrorCode.SCHEMA_MISMATCH,
          "the database has no BranchSync schema; run 'shop init' first");
    }
    try (Connection connection = database.connect()) {
      database.policies().validate(SchemaCatalog.read(connection));
      checkKeyAllocators(connection);
      refuseAnotherBranchs(connection, "check db.url and branch");
    } catch (SQLException e) {
      throw SyncException.fromSql("checking the shop's schema", e);
    }
  }

  private List<String> ownKeyTables() {
    return database.policies().tables(Policy::needsIdRange);
  }

  /** The range {@code setidstart} gave this shop, if it was given one. */
  private static Optional<IdRange> ownRange(Connection connection) throws SQLException {
    Optional<String> first = SettingsRepository.get(connection, SettingsRepository.ID_RANGE_FIRST);
    Optional<String> last = SettingsRepository.get(connection, SettingsRepository.ID_RANGE_LAST);
    if (first.isEmpty() || last.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IdRange(Long.parseLong(first.get()), Long.parseLong(last.get())));
  }

  private void checkKeyAllocators(Connection connection) throws SQLException {
    Optional<KeyAllocator> allocator = database.dialect().keyAllocator();
    if (allocator.isEmpty()) {
      return;
    }
    for (String table : ownKeyTables()) {
      if (!allocator.get().installed(connection, table)) {
        throw new SyncException(
            ErrorCode.SCHEMA_MISMATCH,
            "table "
                + table
                + " has no key allocator yet (an installation from an earlier version);"
                + " run 'shop init' to upgrade it in place");
      }
    }
  }
}
