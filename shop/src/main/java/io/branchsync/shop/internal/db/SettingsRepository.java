package io.branchsync.shop.internal.db;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The shop's own settings in {@code sync_setting}: its branch number and the ID range it was given.
 * Runs in the caller's transaction.
 */
public final class SettingsRepository {

  /** The branch number the database was initialized for. */
  public static final String BRANCH = "shop.branch";

  /** First id of the range given by {@code setidstart}. */
  public static final String ID_RANGE_FIRST = "shop.id_range.first";

  /** Last id of the range given by {@code setidstart}. */
  public static final String ID_RANGE_LAST = "shop.id_range.last";

  private SettingsRepository() {}

  /**
   * Reads a setting.
   *
   * @param connection a connection to the shop's database
   * @param name the setting's name
   * @return its value, or empty when unset
   */
  public static Optional<String> get(Connection connection, String name) {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT value FROM sync_setting WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading setting " + name, e);
    }
  }

  /**
   * Writes a setting, replacing an older value.
   *
   * @param connection a connection to the shop's database
   * @param name the setting's name
   * @param value its new value
   */
  public static void put(Connection connection, String name, String value) {
    // delete and insert rather than a dialect-specific upsert: the row is tiny and rarely written
    try (PreparedStatement delete =
            connection.prepareStatement("DELETE FROM sync_setting WHERE name = ?");
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO sync_setting (name, value) VALUES (?, ?)")) {
      delete.setString(1, name);
      delete.executeUpdate();
      insert.setString(1, name);
      insert.setString(2, value);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SyncException.fromSql("writing setting " + name, e);
    }
  }
}
