package io.branchsync.schema.chunk;

/**
 * One statement of a chunk, as written by {@link SqlChunkWriter} and read back by {@link
 * SqlChunkParser}.
 *
 * <p>Every statement names one table and holds at most {@link #MAX_ROWS} rows of at most {@link
 * #MAX_COLUMNS} columns; the constructors refuse anything larger, so a writer cannot produce a
 * statement the receiving parser would reject, and a parser never holds more than one bounded
 * statement in memory.
 *
 * <p>{@link #line()} tells where a parsed statement started; it takes part in {@code equals}, so
 * compare a parsed statement with one built in code through {@code parsed.withLine(0)}.
 */
public sealed interface ChunkStatement permits Upsert, DeleteByKey, CopyBlock {

  /** Most rows (or keys) one statement may hold. */
  int MAX_ROWS = 10_000;

  /** Most columns one statement may name. */
  int MAX_COLUMNS = 1_000;

  /**
   * The table the statement writes to, as spelled in the chunk.
   *
   * @return a plain name matching {@code [A-Za-z_][A-Za-z0-9_]*}
   */
  String table();

  /**
   * The line of the chunk where the statement starts.
   *
   * @return 1-based line number, or 0 for a statement built in code
   */
  int line();

  /**
   * This statement with another line number.
   *
   * @param line the line, 0 or more
   * @return a statement equal to this one but for the line
   */
  ChunkStatement withLine(int line);

  /**
   * The number of rows (or keys) the statement carries.
   *
   * @return 1 to {@link #MAX_ROWS} (0 for an empty {@link CopyBlock})
   */
  int rowCount();
}
