package io.branchsync.schema.compare;

import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.RowFetcher;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.idrange.IdRange;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every row of a table in key order, as dialect-neutral values, so copies of a table in different
 * databases (even different dialects) can be compared exactly: the convergence check of the demo
 * and the end-to-end tests.
 */
public record TableSnapshot(String table, List<String> columns, List<List<SqlValue>> rows) {

  /** Reads the whole table, or only rows whose single integer key lies in {@code range}. */
  public static TableSnapshot read(Connection c, Dialect dialect, String table, IdRange range) {
    try {
      TableMeta meta = SchemaCatalog.read(c).require(table);
      String key = meta.primaryKey().stream().map(dialect::quote).collect(Collectors.joining(", "));
      String sql =
          "SELECT "
              + meta.columns().stream()
                  .map(col -> dialect.quote(col.name()))
                  .collect(Collectors.joining(", "))
              + " FROM "
              + dialect.quote(table)
              + (range == null ? "" : " WHERE " + key + " BETWEEN ? AND ?")
              + " ORDER BY "
              + key;
      List<List<SqlValue>> rows = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        if (range != null) {
          s.setLong(1, range.first());
          s.setLong(2, range.last());
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(RowFetcher.readRow(rs, meta.columns()));
          }
        }
      }
      // Databases collate text keys differently; order by value here so copies line up.
      List<Integer> keyAt = meta.primaryKey().stream().map(meta.columnNames()::indexOf).toList();
      rows.sort((a, b) -> compareKeys(a, b, keyAt));
      return new TableSnapshot(table, meta.columnNames(), rows);
    } catch (SQLException e) {
      throw SyncException.fromSql("reading " + table + " to compare", e);
    }
  }

  private static int compareKeys(List<SqlValue> a, List<SqlValue> b, List<Integer> keyAt) {
    for (int i : keyAt) {
      int order = compareValues(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static int compareValues(SqlValue a, SqlValue b) {
    if (a instanceof SqlValue.Number x && b instanceof SqlValue.Number y) {
      return new BigDecimal(x.literal()).compareTo(new BigDecimal(y.literal()));
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  /** Null when equal, else the first difference in words. */
  public String differenceFrom(TableSnapshot other) {
    if (!columns.equals(other.columns)) {
      return table + ": columns differ " + columns + " vs " + other.columns;
    }
    for (int i = 0; i < Math.min(rows.size(), other.rows.size()); i++) {
      if (!rows.get(i).equals(other.rows.get(i))) {
        return table + ": row " + (i + 1) + " differs: " + rows.get(i) + " vs " + other.rows.get(i);
      }
    }
    if (rows.size() != other.rows.size()) {
      return table + ": " + rows.size() + " rows vs " + other.rows.size();
    }
    return null;
  }
}
