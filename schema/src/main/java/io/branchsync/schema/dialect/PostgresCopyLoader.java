package io.branchsync.schema.dialect;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Streams COPY text through pgjdbc's {@link CopyManager}; the statement text is ours. */
final class PostgresCopyLoader implements CopyLoader {
  private final Dialect dialect;

  PostgresCopyLoader(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public long copyIn(Connection connection, String table, List<String> columns, Reader data)
      throws SQLException {
    String sql =
        "COPY "
            + dialect.quote(table)
            + columns.stream().map(dialect::quote).collect(Collectors.joining(", ", " (", ")"))
            + " FROM STDIN";
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try {
      return copy.copyIn(sql, data);
    } catch (IOException e) {
      throw new SQLException("streaming COPY data into " + table + ": " + e.getMessage(), e);
    }
  }
}
