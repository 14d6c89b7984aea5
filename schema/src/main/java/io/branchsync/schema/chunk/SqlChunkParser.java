package io.branchsync.schema.chunk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The strict parser of chunks in one dialect: it accepts what {@link SqlChunkWriter} writes, with
 * any whitespace, {@code --} comments, keyword case and quoted or unquoted names, and rejects
 * everything else with a {@link ChunkSyntaxException}.
 *
 * <p>Immutable and thread-safe; each {@link #open(Reader)} gets its own reader.
 *
 * <pre>{@code
 * try (ChunkReader chunk = SqlChunkParser.forDialect(SqlDialect.POSTGRESQL).open(reader)) {
 *     for (ChunkStatement s = chunk.next(); s != null; s = chunk.next()) {
 *         // check s.table() against the policy, then bind and apply
 *     }
 * }
 * }</pre>
 */
public final class SqlChunkParser {

  private static final SqlChunkParser POSTGRESQL = new SqlChunkParser(SqlDialect.POSTGRESQL);
  private static final SqlChunkParser MYSQL = new SqlChunkParser(SqlDialect.MYSQL);

  private final SqlDialect dialect;

  private SqlChunkParser(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * The parser for a dialect.
   *
   * @param dialect the receiving database's dialect
   * @return the shared parser
   */
  public static SqlChunkParser forDialect(SqlDialect dialect) {
    return Objects.requireNonNull(dialect, "dialect") == SqlDialect.MYSQL ? MYSQL : POSTGRESQL;
  }

  /**
   * The dialect this parser reads.
   *
   * @return the dialect
   */
  public SqlDialect dialect() {
    return dialect;
  }

  /**
   * Starts reading a chunk. The reader does its own buffering.
   *
   * @param in the chunk's text, already decoded from UTF-8
   * @return a reader of its statements; closing it closes {@code in}
   */
  public ChunkReader open(Reader in) {
    return new ChunkReader(Objects.requireNonNull(in, "in"), dialect);
  }

  /**
   * Parses a whole chunk held in a string; for small chunks and tests.
   *
   * @param chunk the chunk's text
   * @return every statement, in order
   * @throws ChunkSyntaxException at the first statement outside the grammar
   */
  public List<ChunkStatement> parseAll(String chunk) {
    List<ChunkStatement> statements = new ArrayList<>();
    try (ChunkReader reader = open(new StringReader(chunk))) {
      for (ChunkStatement s = reader.next(); s != null; s = reader.next()) {
        statements.add(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return statements;
  }
}
