package io.branchsync.shop;

import io.branchsync.shop.internal.db.SchemaSetup;
import io.branchsync.shop.internal.db.ShopDatabase;

/**
 * Prepares a shop's database for serving: applies the migrations (BranchSync's metadata and the
 * application schema), installs change capture on the tables whose changes go to the office, checks
 * the policy set against the schema and records the branch number. Safe to run again: migrations
 * already applied and triggers already installed are left as they are.
 */
public final class ShopInitializer {

  private ShopInitializer() {}

  /**
   * Initializes the database named by the configuration.
   *
   * @param config the shop's configuration; only the branch, database and schema keys are used
   * @return the schema version now in place
   * @throws io.branchsync.schema.SyncException if the database is unreachable, a migration fails,
   *     or the policy set does not fit the schema
   */
  public static String init(ShopConfig config) {
    return init(config, false);
  }

  /**
   * The same, optionally giving a database recorded for another branch to this one.
   *
   * @param config the shop's configuration
   * @param changeBranch whether a database set up for another branch may become this one's
   * @return the schema version now in place
   */
  public static String init(ShopConfig config, boolean changeBranch) {
    try (ShopDatabase database = ShopDatabase.open(config)) {
      return new SchemaSetup(database, config.branch()).apply(changeBranch);
    }
  }
}
