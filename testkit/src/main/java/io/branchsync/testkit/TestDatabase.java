package io.branchsync.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A fresh, empty database created for one test on a real server, dropped by {@link #close()}.
 *
 * <p>Obtain one from {@link TestDatabases#create(TestDialect)} and use it in a try-with-resources
 * block. The URL carries no credentials: pass {@link #user()} and {@link #password()} alongside it,
 * or use {@link #connect()} / {@link #dataSource()}.
 */
public interface TestDatabase extends AutoCloseable {

  /** The database family of the server this database lives on. */
  TestDialect dialect();

  /** The database name, unique per call, e.g. {@code bs_postgresql_k3x9q0a7mz}. */
  String name();

  /**
   * JDBC URL of this database, without user or password. For MySQL/MariaDB it carries the
   * connection parameters the sync engine relies on ({@code rewriteBatchedStatements=true}, {@code
   * useServerPrepStmts=false}, {@code allowMultiQueries=false}, UTF-8, UTC session).
   */
  String jdbcUrl();

  /** User name to connect with. */
  String user();

  /** Password to connect with; empty when the server needs none. */
  String password();

  /**
   * Opens a new connection to this database; the caller closes it.
   *
   * @throws SQLException if the server refuses the connection
   */
  Connection connect() throws SQLException;

  /** A non-pooling {@link DataSource} that opens connections like {@link #connect()}. */
  DataSource dataSource();

  /**
   * Drops the database, first ending connections that are still open to it. Calling it again does
   * nothing.
   *
   * @throws TestDatabaseException if the database could not be dropped
   */
  @Override
  void close();
}
