package io.branchsync.schema.dialect;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Chooses the dialect once, from what the database says it is. */
public final class Dialects {
  private Dialects() {}

  public static Dialect detect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return detect(connection);
    } catch (SQLException e) {
      throw SyncException.fromSql("connecting to detect the database", e);
    }
  }

  public static Dialect detect(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    String version = meta.getDatabaseProductVersion().toLowerCase(Locale.ROOT);
    // The MySQL driver reports a MariaDB server as "MySQL"; nothing we generate differs between
    // the two yet, so both get MySqlDialect (a MariaDbDialect subclass belongs where they differ).
    if (product.contains("mysql") || product.contains("mariadb") || version.contains("mariadb")) {
      return new MySqlDialect();
    }
    if (product.contains("postgresql")) {
      return new PostgresDialect();
    }
    throw new SyncException(
        ErrorCode.SCHEMA_MISMATCH,
        "unsupported database "
            + meta.getDatabaseProductName()
            + "; use PostgreSQL or MySQL/MariaDB");
  }
}
