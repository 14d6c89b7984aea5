package io.branchsync.testkit;

/**
 * The database families BranchSync supports, as far as tests are concerned.
 *
 * <p>{@link #MARIADB} covers MySQL as well: both speak the MySQL protocol through MySQL
 * Connector/J. Which of the two a test actually gets depends on the resolved server (see {@link
 * TestDatabases#describe(TestDialect)}).
 */
public enum TestDialect {
  /** PostgreSQL. */
  POSTGRESQL("postgresql"),
  /** MariaDB or MySQL. */
  MARIADB("mariadb");

  private final String token;

  TestDialect(String token) {
    this.token = token;
  }

  /** Lower-case word used inside generated database names, e.g. {@code postgresql}. */
  String token() {
    return token;
  }
}
