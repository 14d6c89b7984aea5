package io.branchsync.schema.dialect;

import java.util.List;
import java.util.stream.Collectors;

/** The {@code INSERT INTO t (...) VALUES (?, ...), ...} part every dialect's upsert starts with. */
final class UpsertText {
  private UpsertText() {}

  static String insertValues(Dialect dialect, String table, List<String> columns, int rows) {
    String tuple = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(dialect.quote(table))
            .append(columns.stream().map(dialect::quote).collect(Collectors.joining(", ", " (", ")")))
            .append(" VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    return sql.toString();
  }
}
