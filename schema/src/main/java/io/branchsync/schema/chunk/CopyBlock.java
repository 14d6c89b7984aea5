package io.branchsync.schema.chunk;

import java.util.List;

/**
 * Rows for an empty PostgreSQL table, as a {@code COPY t (...) FROM stdin;} block in pg_dump's text
 * format, which the receiver streams through the driver's COPY API. PostgreSQL only.
 *
 * <p>Any value may be written; COPY text carries no types, so a parsed block holds only {@link
 * SqlValue.Text} and {@link SqlValue#NULL}: booleans come back as {@code "t"}/{@code "f"}, numbers
 * as their literal, bytes as {@code "\x"} and hex.
 *
 * @param table the table
 * @param columns the columns, in the order of each row's values
 * @param rows 0 to {@link ChunkStatement#MAX_ROWS} rows, each with one value per column
 * @param line the chunk line the statement starts on, 0 when built in code
 */
public record CopyBlock(String table, List<String> columns, List<List<SqlValue>> rows, int line)
    implements ChunkStatement {

  /**
   * Validates and copies every list.
   *
   * @param table the table
   * @param columns the columns
   * @param rows the rows
   * @param line the line, 0 or more
   * @throws IllegalArgumentException when a name, a limit or an arity is broken
   */
  public CopyBlock {
    IdentifierRule.require(table, "table");
    columns = IdentifierRule.requireDistinct(columns, "columns", MAX_COLUMNS);
    rows = StatementChecks.copyRows(rows, columns.size(), "rows", true);
    StatementChecks.requireLine(line);
  }

  /**
   * A COPY block built in code (line 0).
   *
   * @param table the table
   * @param columns the columns
   * @param rows the rows
   */
  public CopyBlock(String table, List<String> columns, List<List<SqlValue>> rows) {
    this(table, columns, rows, 0);
  }

  @Override
  public CopyBlock withLine(int line) {
    return new CopyBlock(table, columns, rows, line);
  }

  @Override
  public int rowCount() {
    return rows.size();
  }
}
