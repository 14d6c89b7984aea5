package io.branchsync.bench;

import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads rows with plain multi-row {@code INSERT ... VALUES (...), (...)} statements, every value
 * bound, a fixed number of rows per statement: the load a user would write by hand with JDBC. The
 * caller owns the transaction.
 */
final class MultiRowInsert implements AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;
  private final String table;
  private final List<String> columns;
  private final int rowsPerStatement;
  private final List<Object[]> pending = new ArrayList<>();
  private PreparedStatement full;
  private long rows;

  MultiRowInsert(
      Connection connection,
      Dialect dialect,
      String table,
      List<String> columns,
      int rowsPerStatement) {
    this.connection = connection;
    this.dialect = dialect;
    this.table = table;
    this.columns = List.copyOf(columns);
    this.rowsPerStatement = rowsPerStatement;
  }

  void add(Object... values) throws SQLException {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.size() + " columns of " + table);
    }
    pending.add(values);
    if (pending.size() == rowsPerStatement) {
      if (full == null) {
        full = connection.prepareStatement(sql(rowsPerStatement));
      }
      execute(full);
    }
  }

  long rows() {
    return rows;
  }

  /** Inserts what is left; the statement for the last, shorter group is prepared once. */
  @Override
  public void close() throws SQLException {
    try {
      if (!pending.isEmpty()) {
        try (PreparedStatement last = connection.prepareStatement(sql(pending.size()))) {
          execute(last);
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }

  private void execute(PreparedStatement statement) throws SQLException {
    int index = 1;
    for (Object[] row : pending) {
      for (Object value : row) {
        statement.setObject(index++, value);
      }
    }
    statement.executeUpdate();
    rows += pending.size();
    pending.clear();
  }

  private String sql(int rowCount) {
    String tuple = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(dialect.quote(table))
            .append(
                columns.stream().map(dialect::quote).collect(Collectors.joining(", ", " (", ")")))
            .append(" VALUES ");
    for (int i = 0; i < rowCount; i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    return sql.toString();
  }
}
