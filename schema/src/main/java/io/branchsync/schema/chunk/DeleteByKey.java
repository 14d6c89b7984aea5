package io.branchsync.schema.chunk;

import java.util.List;

/**
 * Delete rows by primary key: {@code DELETE FROM t WHERE k IN (...)}, or {@code WHERE (k1, k2) IN
 * ((...), ...)} for a composite key.
 *
 * @param table the table
 * @param keyColumns the primary-key columns, in the order of each key's values
 * @param keys 1 to {@link ChunkStatement#MAX_ROWS} keys, each with one value per key column
 * @param line the chunk line the statement starts on, 0 when built in code
 */
public record DeleteByKey(
    String table, List<String> keyColumns, List<List<SqlValue>> keys, int line)
    implements ChunkStatement {

  /**
   * Validates and copies every list.
   *
   * @param table the table
   * @param keyColumns the key columns
   * @param keys the keys
   * @param line the line, 0 or more
   * @throws IllegalArgumentException when a name, a limit or an arity is broken
   */
  public DeleteByKey {
    IdentifierRule.require(table, "table");
    keyColumns = IdentifierRule.requireDistinct(keyColumns, "keyColumns", MAX_COLUMNS);
    keys = StatementChecks.copyRows(keys, keyColumns.size(), "keys", false);
    StatementChecks.requireLine(line);
  }

  /**
   * A delete built in code (line 0).
   *
   * @param table the table
   * @param keyColumns the key columns
   * @param keys the keys
   */
  public DeleteByKey(String table, List<String> keyColumns, List<List<SqlValue>> keys) {
    this(table, keyColumns, keys, 0);
  }

  @Override
  public DeleteByKey withLine(int line) {
    return new DeleteByKey(table, keyColumns, keys, line);
  }

  @Override
  public int rowCount() {
    return keys.size();
  }
}
