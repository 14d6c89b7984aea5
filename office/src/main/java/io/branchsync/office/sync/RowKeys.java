package io.branchsync.office.sync;

import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Keys and readable text of the rows a statement carries, in the form the change log uses ({@code
 * 42}, or parts joined by {@code |}); and statements with some rows left out.
 */
final class RowKeys {
  private RowKeys() {}

  /** One key text per row of an upsert or delete, in row order. */
  static List<String> keysOf(ChunkStatement statement) {
    List<String> keys = new ArrayList<>();
    if (statement instanceof Upsert upsert) {
      List<Integer> at = positions(upsert.columns(), upsert.keyColumns());
      upsert.rows().forEach(row -> keys.add(key(row, at)));
    } else if (statement instanceof DeleteByKey delete) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < delete.keyColumns().size(); i++) {
        all.add(i);
      }
      delete.keys().forEach(row -> keys.add(key(row, all)));
    }
    return keys;
  }

  /** The statement without the rows whose key {@code drop} accepts; null when none is left. */
  static ChunkStatement without(ChunkStatement statement, Predicate<String> drop) {
    List<String> keys = keysOf(statement);
    if (keys.stream().noneMatch(drop)) {
      return statement;
    }
    if (statement instanceof Upsert upsert) {
      List<List<SqlValue>> kept = keep(upsert.rows(), keys, drop);
      return kept.isEmpty()
          ? null
          : new Upsert(upsert.table(), upsert.columns(), upsert.keyColumns(), kept, upsert.line());
    }
    DeleteByKey delete = (DeleteByKey) statement;
    List<List<SqlValue>> kept = keep(delete.keys(), keys, drop);
    return kept.isEmpty()
        ? null
        : new DeleteByKey(delete.table(), delete.keyColumns(), kept, delete.line());
  }

  /** A row as {@code column=value} pairs, for the conflict log. */
  static String describe(List<String> columns, List<SqlValue> row) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(columns.get(i) + "=" + SqlValue.plainText(row.get(i)));
    }
    return parts.stream().collect(Collectors.joining(", "));
  }

  private static List<List<SqlValue>> keep(
      List<List<SqlValue>> rows, List<String> keys, Predicate<String> drop) {
    List<List<SqlValue>> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!drop.test(keys.get(i))) {
        kept.add(rows.get(i));
      }
    }
    return kept;
  }

  private static List<Integer> positions(List<String> columns, List<String> keyColumns) {
    List<String> lower = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    return keyColumns.stream().map(k -> lower.indexOf(k.toLowerCase(Locale.ROOT))).toList();
  }

  private static String key(List<SqlValue> row, List<Integer> positions) {
    return SqlValue.keyText(row, positions);
  }
}
