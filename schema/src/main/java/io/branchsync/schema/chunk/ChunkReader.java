package io.branchsync.schema.chunk;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads the statements of one chunk, one at a time, so that a large chunk is never held in memory
 * twice. Obtained from {@link SqlChunkParser#open(Reader)}; not thread-safe.
 *
 * <p>After a {@link ChunkSyntaxException} the reader stays failed: every later {@link #next()}
 * throws the same exception, because nothing after an invalid statement may be trusted either.
 */
public final class ChunkReader implements Closeable {

  private final Reader in;
  private final CharSource source;
  private final StatementParser parser;
  private ChunkSyntaxException failure;
  private int statements;
  private long rows;

  ChunkReader(Reader in, SqlDialect dialect) {
    this.in = in;
    this.source = new CharSource(in);
    this.parser = new StatementParser(source, dialect);
  }

  /**
   * The next statement.
   *
   * @return the statement, or {@code null} at the end of the chunk
   * @throws ChunkSyntaxException when the statement is outside the grammar
   * @throws java.io.UncheckedIOException when reading fails
   */
  public ChunkStatement next() {
    if (failure != null) {
      throw failure;
    }
    try {
      if (!parser.hasNext()) {
        return null;
      }
      ChunkStatement statement = parser.next();
      statements++;
      rows += statement.rowCount();
      return statement;
    } catch (ChunkSyntaxException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * The beginning of the statement {@link #next()} returned last, as in error messages, for callers
   * that refuse a valid statement (a table the policy forbids).
   *
   * @return up to about 80 characters, whitespace collapsed
   */
  public String excerpt() {
    return source.excerpt();
  }

  /**
   * How many statements {@link #next()} has returned.
   *
   * @return the count so far
   */
  public int statementCount() {
    return statements;
  }

  /**
   * How many rows and keys the returned statements held.
   *
   * @return the sum of {@link ChunkStatement#rowCount()} so far
   */
  public long rowCount() {
    return rows;
  }

  /** Closes the underlying reader. */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
