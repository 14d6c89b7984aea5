package io.branchsync.schema;

import java.util.regex.Pattern;

/**
 * Why a database could not be opened, in one line an operator can act on: the database's own reason
 * (unknown database, wrong password, nothing listening) and the setting to check, with any password
 * in the URL masked, instead of a connection pool's class name and stack trace.
 */
public final class DatabaseOpenFailure {
  private static final Pattern PASSWORD_IN_URL =
      Pattern.compile("([?&;][^&#;=]*[pP]assword=)[^&#;]*");

  private DatabaseOpenFailure() {}

  /**
   * The error for a pool or connection that could not be opened.
   *
   * @param jdbcUrl the configured URL
   * @param urlKey the configuration key holding it, e.g. {@code db.url}
   * @param e what opening threw
   * @return a {@link ErrorCode#DATABASE_UNAVAILABLE} error naming the reason and the settings
   */
  public static SyncException of(String jdbcUrl, String urlKey, Throwable e) {
    String url = masked(jdbcUrl);
    if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:mysql:")) {
      return new SyncException(
          ErrorCode.DATABASE_UNAVAILABLE,
          urlKey
              + " "
              + url
              + ": not a URL BranchSync can use; write jdbc:postgresql://HOST:PORT/DATABASE or"
              + " jdbc:mysql://HOST:PORT/DATABASE (also for MariaDB)",
          e);
    }
    return new SyncException(
        ErrorCode.DATABASE_UNAVAILABLE,
        "cannot open the database at "
            + url
            + ": "
            + reason(e)
            + " (check "
            + urlKey
            + ", the user and the password)",
        e);
  }

  /** The URL with any password parameter replaced by {@code <masked>}. */
  public static String masked(String jdbcUrl) {
    return PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1<masked>");
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    // drivers add lines of advice after the first; the first says what happened
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
