package io.branchsync.schema.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * MySQL/MariaDB keys that never jump: a {@code BEFORE INSERT} trigger gives a row inserted without
 * a key (omitted, NULL or 0) the next value of a one-column {@code AUTO_INCREMENT} table of its
 * own, {@code bs_key_<table>}. Only local inserts draw from it, so keys applied from other
 * branches' ranges never move it.
 *
 * <p>Why a table and not a counter row: InnoDB hands out {@code AUTO_INCREMENT} values under a
 * statement-long latch, not a transaction-long row lock, so tills inserting at once never wait for
 * each other's commit (an {@code UPDATE counter SET next = next + 1} would serialize them until
 * commit). MySQL 8 has no {@code SEQUENCE}; one mechanism serves both databases. The trigger
 * deletes the row it drew at once, so the table stays empty; MySQL 8 and MariaDB 10.2.4+ keep the
 * counter across restarts.
 *
 * <p>What applications see: the driver's generated key of a single-row insert (JDBC {@code
 * getGeneratedKeys}, {@code cursor.lastrowid}) is the drawn key; SQL {@code LAST_INSERT_ID()} is
 * not, since MySQL restores it when a trigger ends (see docs/architecture.md).
 */
final class MySqlKeyAllocator implements KeyAllocator {
  private final MySqlDialect dialect;

  MySqlKeyAllocator(MySqlDialect dialect) {
    this.dialect = dialect;
  }

  static String counterTable(String table) {
    return MySqlDialect.objectName("bs_key_", table, "");
  }

  static String triggerName(String table) {
    return MySqlDialect.objectName("bs_", table, "_bk");
  }

  @Override
  public boolean installed(Connection connection, String table) throws SQLException {
    return autoIncrement(connection, counterTable(table)).isPresent();
  }

  /**
   * The key the next local insert into {@code table} receives: the allocator's counter when it is
   * installed, else the table's own AUTO_INCREMENT; empty if neither can be read.
   */
  OptionalLong nextKey(Connection connection, String table) throws SQLException {
    OptionalLong counter = autoIncrement(connection, counterTable(table));
    return counter.isPresent() ? counter : autoIncrement(connection, table);
  }

  @Override
  public void install(Connection connection, String table, String keyColumn, long start)
      throws SQLException {
    String counter = dialect.quote(counterTable(table));
    String key = dialect.quote(keyColumn);
    try (Statement s = connection.createStatement()) {
      // start is a long and identifiers pass through quote, so the DDL text carries nothing else
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + counter
              + " (id BIGINT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB AUTO_INCREMENT="
              + start);
      s.execute("DROP TRIGGER IF EXISTS " + dialect.quote(triggerName(table)));
      s.execute(
          "CREATE TRIGGER "
              + dialect.quote(triggerName(table))
              + " BEFORE INSERT ON "
              + dialect.quote(table)
              + " FOR EACH ROW BEGIN"
              // in a BEFORE trigger an omitted AUTO_INCREMENT column reads 0
              + " IF NEW."
              + key
              + " IS NULL OR NEW."
              + key
              + " = 0 THEN"
              + " INSERT INTO "
              + counter
              + " () VALUES ();"
              + " SET NEW."
              + key
              + " = LAST_INSERT_ID();"
              + " DELETE FROM "
              + counter
              + " WHERE id = NEW."
              + key
              + ";"
              + " END IF; END");
    }
  }

  @Override
  public void restart(Connection connection, String table, long start) throws SQLException {
    String counter = dialect.quote(counterTable(table));
    OptionalLong next = autoIncrement(connection, counterTable(table));
    if (next.isPresent() && next.getAsLong() < start && start > 1) {
      // forward: an explicit key moves AUTO_INCREMENT past it, without the metadata lock an
      // ALTER TABLE would wait for behind every till that drew a key and has not committed
      try (PreparedStatement insert =
              connection.prepareStatement("INSERT INTO " + counter + " (id) VALUES (?)");
          PreparedStatement delete =
              connection.prepareStatement("DELETE FROM " + counter + " WHERE id = ?")) {
        insert.setLong(1, start - 1);
        insert.executeUpdate();
        delete.setLong(1, start - 1);
        delete.executeUpdate();
      }
      return;
    }
    try (Statement s = connection.createStatement()) {
      // InnoDB lowers AUTO_INCREMENT only to above the rows a table holds; the trigger keeps it
      // empty, and this makes sure of it
      s.execute("DELETE FROM " + counter);
      s.execute("ALTER TABLE " + counter + " AUTO_INCREMENT = " + start);
    }
  }

  private static OptionalLong autoIncrement(Connection connection, String table)
      throws SQLException {
    freshStatistics(connection);
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return OptionalLong.empty();
        }
        long value = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
      }
    }
  }

  /** MySQL 8 answers information_schema from a cache a day old unless told otherwise. */
  private static void freshStatistics(Connection connection) {
    try (Statement s = connection.createStatement()) {
      s.execute("SET SESSION information_schema_stats_expiry = 0");
    } catch (SQLException e) {
      // MariaDB has no such cache and no such variable
    }
  }
}
