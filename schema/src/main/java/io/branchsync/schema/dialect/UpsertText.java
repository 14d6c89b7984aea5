package io.branchsync.schema.dialect;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL text every dialect shares: the {@code INSERT INTO t (...) VALUES (?, ...), ...} an upsert
 * starts with, and the {@code (k, ...) IN ((?, ...), ...)} that names rows by key.
 */
final class UpsertText {
  private UpsertText() {}

  static String insertValues(Dialect dialect, String table, List<String> columns, int rows) {
    String tuple = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(dialect.quote(table))
            .append(
                columns.stream().map(dialect::quote).collect(Collectors.joining(", ", " (", ")")))
            .append(" VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    return sql.toString();
  }

  static String keyIn(Dialect dialect, List<String> keyColumns, int rows) {
    String key =
        keyColumns.stream().map(dialect::quote).collect(Collectors.joining(", ", "(", ")"));
    String tuple = keyColumns.stream().map(k -> "?").collect(Collectors.joining(", ", "(", ")"));
    return key + " IN (" + String.join(", ", Collections.nCopies(rows, tuple)) + ")";
  }
}
