package io.branchsync.shop.internal.db;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.catalog.SchemaCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Brings a shop's database to the state serving needs: the schema migrated, change capture on the
 * tables whose changes go to the office, the policy set valid, the branch number recorded. Used by
 * {@code shop init}, by the {@code clean} method, and checked (without changing anything) when the
 * server starts.
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
   * Migrates the schema, installs capture, validates the policy set and records the branch.
   *
   * @param erase whether to erase every object of the schema first ({@code clean})
   * @return the schema version now in place
   */
  public String apply(boolean erase) {
    String version = erase ? database.migrator().cleanAndMigrate() : database.migrator().migrate();
    // statements cached by pooled connections refer to objects that may just have been replaced
    database.renewConnections();
    try (Connection connection = database.connect()) {
      new CaptureInstaller(database.dialect())
          .install(connection, database.shopToOfficeTables(), false);
      database.policies().validate(SchemaCatalog.read(connection));
      SettingsRepository.put(connection, SettingsRepository.BRANCH, Integer.toString(branch));
    } catch (SQLException e) {
      throw SyncException.fromSql("setting up the shop's schema", e);
    }
    return version;
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
      Optional<String> recorded = SettingsRepository.get(connection, SettingsRepository.BRANCH);
      if (recorded.isPresent() && !recorded.get().equals(Integer.toString(branch))) {
        throw new SyncException(
            ErrorCode.SCHEMA_MISMATCH,
            "the database belongs to branch "
                + recorded.get()
                + ", the configuration says branch "
                + branch
                + "; check db.url and branch");
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("checking the shop's schema", e);
    }
  }
}
