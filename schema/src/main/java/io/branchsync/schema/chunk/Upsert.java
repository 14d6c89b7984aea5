package io.branchsync.schema.chunk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Insert rows, or update every non-key column of the rows whose key already exists.
 *
 * <p>PostgreSQL: {@code INSERT ... ON CONFLICT (keys) DO UPDATE SET c = EXCLUDED.c, ...} ({@code DO
 * NOTHING} when every column is a key column). MySQL: {@code INSERT ... ON DUPLICATE KEY UPDATE c =
 * VALUES(c), ...}, where the key columns are the ones not updated ({@code k = k} when every column
 * is a key column).
 *
 * @param table the table
 * @param columns the columns, in the order of each row's values; no name twice (case ignored)
 * @param keyColumns the primary-key columns, a non-empty subset of {@code columns}; stored in the
 *     order of {@code columns} whatever order they were given in, since the conflict target is a
 *     set and MySQL's syntax cannot express an order
 * @param rows 1 to {@link ChunkStatement#MAX_ROWS} rows, each with one value per column
 * @param line the chunk line the statement starts on, 0 when built in code
 */
public record Upsert(
    String table,
    List<String> columns,
    List<String> keyColumns,
    List<List<SqlValue>> rows,
    int line)
    implements ChunkStatement {

  /**
   * Validates and copies every list.
   *
   * @param table the table
   * @param columns the columns
   * @param keyColumns the key columns, in any order
   * @param rows the rows
   * @param line the line, 0 or more
   * @throws IllegalArgumentException when a name, a limit or an arity is broken
   */
  public Upsert {
    IdentifierRule.require(table, "table");
    columns = IdentifierRule.requireDistinct(columns, "columns", MAX_COLUMNS);
    keyColumns =
        inColumnOrder(
            columns, IdentifierRule.requireDistinct(keyColumns, "keyColumns", MAX_COLUMNS));
    rows = StatementChecks.copyRows(rows, columns.size(), "rows", false);
    StatementChecks.requireLine(line);
  }

  /**
   * An upsert built in code (line 0).
   *
   * @param table the table
   * @param columns the columns
   * @param keyColumns the key columns
   * @param rows the rows
   */
  public Upsert(
      String table, List<String> columns, List<String> keyColumns, List<List<SqlValue>> rows) {
    this(table, columns, keyColumns, rows, 0);
  }

  /**
   * The columns an existing row gets updated: every column that is not a key column.
   *
   * @return the non-key columns in column order; empty when every column is a key column
   */
  public List<String> updateColumns() {
    Set<String> keys = new HashSet<>(keyColumns);
    List<String> update = new ArrayList<>();
    for (String column : columns) {
      if (!keys.contains(column)) {
        update.add(column);
      }
    }
    return List.copyOf(update);
  }

  @Override
  public Upsert withLine(int line) {
    return new Upsert(table, columns, keyColumns, rows, line);
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  private static List<String> inColumnOrder(List<String> columns, List<String> keyColumns) {
    Set<String> keys = new HashSet<>(keyColumns);
    List<String> ordered = new ArrayList<>(keyColumns.size());
    for (String column : columns) {
      if (keys.contains(column)) {
        ordered.add(column);
      }
    }
    if (ordered.size() != keyColumns.size()) {
      List<String> missing = new ArrayList<>(keyColumns);
      missing.removeAll(columns);
      throw new IllegalArgumentException(
          "keyColumns " + missing + " are not among columns " + columns);
    }
    return List.copyOf(ordered);
  }
}
