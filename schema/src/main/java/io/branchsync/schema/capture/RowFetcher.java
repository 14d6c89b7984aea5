package io.branchsync.schema.capture;

import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Fetches the current state of rows named by their key text, a bounded group per query. */
public final class RowFetcher {
  private static final int KEYS_PER_QUERY = 500;
  private final Dialect dialect;

  public RowFetcher(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Current rows by key text; keys whose row no longer exists are absent from the map. */
  public Map<List<String>, List<SqlValue>> fetch(
      Connection connection, TableMeta table, List<List<String>> keys) throws SQLException {
    Map<List<String>, List<SqlValue>> rows = new HashMap<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      List<List<String>> group = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
      fetchGroup(connection, table, group, rows);
    }
    return rows;
  }

  private void fetchGroup(
      Connection connection,
      TableMeta table,
      List<List<String>> keys,
      Map<List<String>, List<SqlValue>> into)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(selectByKeys(table, keys.size()))) {
      int index = 1;
      for (List<String> key : keys) {
        for (String part : key) {
          dialect.bindText(s, index++, part);
        }
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<SqlValue> row = readRow(rs, table.columns());
          into.put(keyText(table, row), row);
        }
      }
    }
  }

  /** Reads the row at the cursor, every column of the table in order. */
  public static List<SqlValue> readRow(ResultSet rs, List<ColumnMeta> columns) throws SQLException {
    List<SqlValue> row = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      row.add(ValueReader.read(rs, i + 1, columns.get(i)));
    }
    return row;
  }

  /** The key of a row in the same text form the capture triggers log. */
  public static List<String> keyText(TableMeta table, List<SqlValue> row) {
    List<String> names = table.columnNames();
    List<String> key = new ArrayList<>(table.primaryKey().size());
    for (String part : table.primaryKey()) {
      SqlValue value = row.get(names.indexOf(part));
      key.add(SqlValue.plainText(value));
    }
    return key;
  }

  private String selectByKeys(TableMeta table, int count) {
    String columns =
        table.columns().stream()
            .map(c -> dialect.quote(c.name()))
            .collect(Collectors.joining(", "));
    String key =
        table.primaryKey().stream().map(dialect::quote).collect(Collectors.joining(", ", "(", ")"));
    String tuple =
        table.primaryKey().stream().map(k -> "?").collect(Collectors.joining(", ", "(", ")"));
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(columns)
            .append(" FROM ")
            .append(dialect.quote(table.name()))
            .append(" WHERE ")
            .append(key)
            .append(" IN (");
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    return sql.append(')').toString();
  }
}
