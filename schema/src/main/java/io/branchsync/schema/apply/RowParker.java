package io.branchsync.schema.apply;

import io.branchsync.schema.catalog.ColumnKind;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Moves a row's unique values out of the way inside the transaction: a nullable column becomes NULL
 * (NULL never clashes), a text column a placeholder made of a control character and the row's own
 * key, which no other row holds. Neither PostgreSQL (unless the index is deferrable) nor MySQL
 * waits for the end of a statement to check a unique index, so a swap done in place would clash
 * halfway; moving first lets each row then take its final value. Only rows in the way are moved,
 * one batch per statement, so the common path costs nothing.
 */
final class RowParker {
  /** Starts every placeholder; sent text is never expected to hold it. */
  static final char MARK = '\u001F';

  private final Dialect dialect;
  private final ValueBinder binder;

  RowParker(Dialect dialect, ValueBinder binder) {
    this.dialect = dialect;
    this.binder = binder;
  }

  /** A row to move aside: its key values, key text and the columns to change. */
  record Move(List<Object> key, String keyText, List<ColumnMeta> columns) {}

  /** The column of a unique key that can take a placeholder, nullable ones first. */
  static Optional<ColumnMeta> parkable(List<ColumnMeta> unique) {
    return unique.stream()
        .filter(ColumnMeta::nullable)
        .findFirst()
        .or(() -> unique.stream().filter(c -> c.kind() == ColumnKind.TEXT).findFirst());
  }

  void park(Connection c, TableMeta table, List<Move> moves) throws SQLException {
    Map<List<ColumnMeta>, List<Move>> byColumns = new LinkedHashMap<>();
    moves.forEach(
        m -> byColumns.computeIfAbsent(m.columns(), k -> new java.util.ArrayList<>()).add(m));
    for (Map.Entry<List<ColumnMeta>, List<Move>> group : byColumns.entrySet()) {
      try (PreparedStatement s = c.prepareStatement(sql(table, group.getKey()))) {
        for (Move move : group.getValue()) {
          int index = 1;
          for (ColumnMeta column : group.getKey()) {
            binder.bind(s, index++, column, column.nullable() ? null : MARK + move.keyText());
          }
          for (int i = 0; i < move.key().size(); i++) {
            ColumnMeta keyColumn = table.column(table.primaryKey().get(i)).orElseThrow();
            binder.bind(s, index++, keyColumn, move.key().get(i));
          }
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private String sql(TableMeta table, List<ColumnMeta> columns) {
    return "UPDATE "
        + dialect.quote(table.name())
        + " SET "
        + columns.stream()
            .map(col -> dialect.quote(col.name()) + " = ?")
            .collect(Collectors.joining(", "))
        + " WHERE "
        + table.primaryKey().stream()
            .map(k -> dialect.quote(k) + " = ?")
            .collect(Collectors.joining(" AND "));
  }
}
