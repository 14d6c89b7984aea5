package io.branchsync.testkit;

import java.sql.SQLException;

/**
 * Thrown when no test database server can be had, or a test database cannot be created or dropped.
 * The message names the server and, where one was used, the setting behind it.
 */
public final class TestDatabaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TestDatabaseException(String message) {
    super(message);
  }

  TestDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  /** SQLSTATE of the underlying {@link SQLException}, or {@code null} if there was none. */
  public String sqlState() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
