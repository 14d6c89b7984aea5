package io.branchsync.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolution step 3 for PostgreSQL: zonky's binaries from Maven Central, started in a directory of
 * ours.
 *
 * <p>initdb and postgres refuse to run as root. When the JVM is root, zonky itself runs them
 * through {@code unshare -U}, in a user namespace where they are uid 65534 ({@code nobody});
 * outside it the files stay root's, so nothing needs chown. That needs util-linux's unshare and
 * user namespaces, which some containers forbid: then we fail early and say what to do.
 */
final class EmbeddedPostgresServer {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  /** initdb plus the first start take about 2 s here; a busy CI machine gets far more room. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

  private EmbeddedPostgresServer() {}

  static ServerHandle start(Path directory) {
    if (ProcessOwner.isRoot() && !LinuxUtils.isUnshareAvailable()) {
      throw new TestDatabaseException(
          "Embedded PostgreSQL cannot start: this JVM runs as root, which "
              + "initdb and postgres refuse, and 'unshare -U' (util-linux) cannot drop to an unprivileged "
              + "user here (user namespaces disabled?). Run the tests as a non-root user, or set "
              + TestkitSetting.PG_URL.key()
              + " to "
              + TestkitSetting.PG_URL.description());
    }
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.resolve("data"))
              .setCleanDataDirectory(true)
              // Our own hook stops it, before the directory it lives in is deleted.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(STARTUP_WAIT)
              // TCP only: no socket file left in /tmp, no socket path length limit to hit.
              .setServerConfig("unix_socket_directories", "")
              .start();
    } catch (IOException | RuntimeException e) {
      throw new TestDatabaseException(
          "Embedded PostgreSQL (zonky) did not start: " + e.getMessage(), e);
    }
    JdbcUrl url =
        JdbcUrl.parse(
            "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
            "embedded PostgreSQL");
    ServerEndpoint endpoint = ServerEndpoint.of(TestDialect.POSTGRESQL, url, "postgres", "");
    return new ServerHandle(
        endpoint,
        ServerHandle.Origin.EMBEDDED,
        "zonky, port " + postgres.getPort(),
        () -> stop(postgres));
  }

  private static void stop(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
