package io.branchsync.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating and dropping test databases on MariaDB or MySQL, through MySQL Connector/J. */
final class MariaDbDatabaseAdmin implements DatabaseAdmin {

  static final MariaDbDatabaseAdmin INSTANCE = new MariaDbDatabaseAdmin();

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbDatabaseAdmin.class);

  /** The sync engine relies on these, so they win over whatever the given URL says. */
  static final Map<String, String> REQUIRED_PARAMS =
      ordered(
          "allowMultiQueries", "false",
          "rewriteBatchedStatements", "true",
          "useServerPrepStmts", "false",
          "characterEncoding", "UTF-8",
          "connectionTimeZone", "UTC",
          "forceConnectionTimeZoneToSession", "true");

  /** Suit a local server without TLS; a given URL may say otherwise. */
  static final Map<String, String> DEFAULT_PARAMS =
      ordered(
          "allowPublicKeyRetrieval", "true",
          "useSSL", "false");

  /** Seconds DROP DATABASE may wait for a metadata lock before failing instead of hanging. */
  private static final int DROP_LOCK_WAIT_SECONDS = 30;

  private MariaDbDatabaseAdmin() {}

  /** A map that keeps the given order, so URLs read the same in every run. */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public JdbcUrl serverUrl(JdbcUrl given) {
    // Only MySQL Connector/J is on the class path; it does not accept jdbc:mariadb: URLs.
    JdbcUrl url = given.withScheme("jdbc:mysql:").withDatabase("");
    for (Map.Entry<String, String> e : DEFAULT_PARAMS.entrySet()) {
      url = url.withDefault(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : REQUIRED_PARAMS.entrySet()) {
      url = url.with(e.getKey(), e.getValue());
    }
    return url;
  }

  @Override
  public void create(Connection admin, String name) throws SQLException {
    try (Statement st = admin.createStatement()) {
      // utf8mb4 so emoji survive; _bin so text compares byte for byte, as the sync does.
      st.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  @Override
  public void drop(Connection admin, String name) throws SQLException {
    // A leaked connection inside a transaction holds metadata locks that would block the drop.
    for (long id : connectionsTo(admin, name)) {
      try (Statement st = admin.createStatement()) {
        st.execute("KILL CONNECTION " + id);
      } catch (SQLException e) {
        // It may have ended by itself meanwhile, or we may lack the privilege: try the drop anyway.
        LOG.debug("Could not kill connection {} to {}: {}", id, name, e.getMessage());
      }
    }
    try (Statement st = admin.createStatement()) {
      st.execute("SET SESSION lock_wait_timeout = " + DROP_LOCK_WAIT_SECONDS);
      st.execute("DROP DATABASE IF EXISTS `" + name + "`");
    }
  }

  private static List<Long> connectionsTo(Connection admin, String name) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps =
        admin.prepareStatement(
            "SELECT ID FROM information_schema.PROCESSLIST "
                + "WHERE DB = ? AND ID <> CONNECTION_ID()")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  @Override
  public String productVersion(Connection admin) throws SQLException {
    try (Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("SELECT VERSION()")) {
      rs.next();
      // e.g. "10.11.19-MariaDB-0+deb12u1" or "8.4.3": MySQL does not name itself.
      String version = rs.getString(1);
      String product = version.contains("MariaDB") ? "MariaDB " : "MySQL ";
      return product + version.split("-", 2)[0];
    }
  }
}
