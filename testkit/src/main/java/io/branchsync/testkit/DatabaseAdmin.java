package io.branchsync.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between database families when creating and dropping test databases: URL parameters,
 * the SQL to create and drop, and how the server reports its version.
 */
interface DatabaseAdmin {

  static DatabaseAdmin of(TestDialect dialect) {
    return switch (dialect) {
      case POSTGRESQL -> PostgresDatabaseAdmin.INSTANCE;
      case MARIADB -> MariaDbDatabaseAdmin.INSTANCE;
    };
  }

  /**
   * Turns a server URL as given (credentials already removed) into the URL to administer the server
   * with: the right scheme and database, and the connection parameters tests need. {@link
   * JdbcUrl#withDatabase(String)} on the result points it at one database.
   */
  JdbcUrl serverUrl(JdbcUrl given);

  /** Creates database {@code name}, a plain lower-case identifier, with UTF-8 text. */
  void create(Connection admin, String name) throws SQLException;

  /** Ends the connections still open to {@code name}, then drops it if it exists. */
  void drop(Connection admin, String name) throws SQLException;

  /** Product and version as the server reports them, e.g. {@code MariaDB 11.4.5}. */
  String productVersion(Connection admin) throws SQLException;
}
