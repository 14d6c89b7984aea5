package io.branchsync.schema.apply;

import io.branchsync.schema.catalog.ColumnKind;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds, in one query per statement, the rows that hold the primary keys or the unique-key values
 * of the rows about to be written, and locks them where the dialect can lock just those rows
 * ({@link Dialect#lockRowsRead}), so that until the transaction ends none of them moves or
 * vanishes.
 */
final class UniqueKeyHolders {
  private final Dialect dialect;
  private final ValueBinder binder;

  UniqueKeyHolders(Dialect dialect, ValueBinder binder) {
    this.dialect = dialect;
    this.binder = binder;
  }

  /** A row found: its primary-key values and its values of the columns asked for, typed. */
  record Held(List<Object> key, Map<String, Object> values) {}

  /**
   * @param wanted the incoming values per group of columns: the primary key first, then each unique
   *     key; tuples with a NULL are left out by the caller (NULL never clashes)
   */
  List<Held> find(Connection c, TableMeta table, Map<List<ColumnMeta>, List<List<Object>>> wanted)
      throws SQLException {
    List<ColumnMeta> read = new ArrayList<>();
    wanted
        .keySet()
        .forEach(group -> group.stream().filter(col -> !read.contains(col)).forEach(read::add));
    List<String> where = new ArrayList<>();
    List<ColumnMeta> boundColumns = new ArrayList<>();
    List<Object> bound = new ArrayList<>();
    for (Map.Entry<List<ColumnMeta>, List<List<Object>>> group : wanted.entrySet()) {
      if (group.getValue().isEmpty()) {
        continue;
      }
      where.add(inList(group.getKey(), group.getValue().size()));
      for (List<Object> tuple : group.getValue()) {
        boundColumns.addAll(group.getKey());
        bound.addAll(tuple);
      }
    }
    if (where.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT "
            + read.stream().map(col -> dialect.quote(col.name())).collect(Collectors.joining(", "))
            + " FROM "
            + dialect.quote(table.name())
            + " WHERE "
            + String.join(" OR ", where)
            + dialect.lockRowsRead();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < bound.size(); i++) {
        binder.bind(s, i + 1, boundColumns.get(i), bound.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        List<Held> held = new ArrayList<>();
        while (rs.next()) {
          held.add(read(rs, table, read));
        }
        return held;
      }
    }
  }

  private String inList(List<ColumnMeta> columns, int tuples) {
    return dialect.keyIn(columns.stream().map(ColumnMeta::name).toList(), tuples);
  }

  private static Held read(ResultSet rs, TableMeta table, List<ColumnMeta> read)
      throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < read.size(); i++) {
      values.put(read.get(i).name(), value(rs, i + 1, read.get(i)));
    }
    List<Object> key = table.primaryKey().stream().map(values::get).toList();
    return new Held(key, values);
  }

  /** Read back through our own parser, so a stored value compares with an incoming one. */
  private static Object value(ResultSet rs, int index, ColumnMeta column) throws SQLException {
    if (column.kind() == ColumnKind.BINARY) {
      return rs.getBytes(index);
    }
    String text = rs.getString(index);
    if (text == null) {
      return null;
    }
    try {
      return LiteralParser.parse(column, SqlValue.text(text));
    } catch (BadLiteralException e) {
      return text;
    }
  }
}
