package io.branchsync.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Creating and dropping test databases on PostgreSQL. */
final class PostgresDatabaseAdmin implements DatabaseAdmin {

  static final PostgresDatabaseAdmin INSTANCE = new PostgresDatabaseAdmin();

  /** First version with {@code DROP DATABASE ... WITH (FORCE)}. */
  private static final int FORCE_DROP_SINCE = 13;

  private PostgresDatabaseAdmin() {}

  @Override
  public JdbcUrl serverUrl(JdbcUrl given) {
    // pgjdbc would otherwise connect to a database named after the user, which may not exist.
    return given.database().isEmpty() ? given.withDatabase("postgres") : given;
  }

  @Override
  public void create(Connection admin, String name) throws SQLException {
    try (Statement st = admin.createStatement()) {
      // template0: template1 may carry another encoding or objects a test did not ask for.
      st.execute("CREATE DATABASE \"" + name + "\" ENCODING 'UTF8' TEMPLATE template0");
    }
  }

  @Override
  public void drop(Connection admin, String name) throws SQLException {
    if (admin.getMetaData().getDatabaseMajorVersion() >= FORCE_DROP_SINCE) {
      try (Statement st = admin.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
      }
      return;
    }
    // Older servers refuse to drop a database while a leaked connection is still open.
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT pg_terminate_backend(pid) "
                + "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
      ps.setString(1, name);
      ps.execute();
    }
    try (Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
    }
  }

  @Override
  public String productVersion(Connection admin) throws SQLException {
    // e.g. "15.19 (Debian 15.19-0+deb12u1)": the first word is the version proper.
    String version = admin.getMetaData().getDatabaseProductVersion().split(" ", 2)[0];
    return "PostgreSQL " + version;
  }
}
