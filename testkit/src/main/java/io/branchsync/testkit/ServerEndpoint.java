package io.branchsync.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a database server answers and who to log in as. {@code serverUrl} carries no credentials
 * and points at the administration database ({@code postgres}, or none for MySQL).
 */
record ServerEndpoint(TestDialect dialect, JdbcUrl serverUrl, String user, String password) {

  /**
   * Builds the endpoint from a URL as given: credentials are taken out of its parameters ({@code
   * user} and {@code password} arguments win over them when not null), and the dialect's own
   * parameters are put in.
   */
  static ServerEndpoint of(TestDialect dialect, JdbcUrl given, String user, String password) {
    String effectiveUser = user != null ? user : given.param("user").orElse("");
    String effectivePassword = password != null ? password : given.param("password").orElse("");
    JdbcUrl serverUrl = DatabaseAdmin.of(dialect).serverUrl(given.without("user", "password"));
    return new ServerEndpoint(dialect, serverUrl, effectiveUser, effectivePassword);
  }

  JdbcUrl databaseUrl(String database) {
    return serverUrl.withDatabase(database);
  }

  Connection connectAdmin() throws SQLException {
    return DriverManager.getConnection(serverUrl.toString(), user, password);
  }

  @Override
  public String toString() {
    return "ServerEndpoint[" + serverUrl.masked() + ", user=" + user + ", password=<masked>]";
  }
}
