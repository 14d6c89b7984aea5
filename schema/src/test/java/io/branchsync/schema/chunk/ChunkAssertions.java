package io.branchsync.schema.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short ways to build values and to parse or reject chunk text in the tests of this package. */
final class ChunkAssertions {

  private ChunkAssertions() {}

  static List<SqlValue> row(SqlValue... values) {
    return List.of(values);
  }

  static SqlValue.Text text(String value) {
    return SqlValue.text(value);
  }

  static SqlValue.Number num(String literal) {
    return new SqlValue.Number(literal);
  }

  static SqlValue.Bytes bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return SqlValue.bytes(bytes);
  }

  static List<ChunkStatement> parse(SqlDialect dialect, String chunk) {
    return SqlChunkParser.forDialect(dialect).parseAll(chunk);
  }

  /** Parses a chunk that must hold exactly one statement. */
  static ChunkStatement parseOne(SqlDialect dialect, String chunk) {
    List<ChunkStatement> statements = parse(dialect, chunk);
    assertEquals(1, statements.size(), () -> "statements in " + chunk);
    return statements.get(0);
  }

  /** Writes a statement, parses it back, and returns it with the line cleared. */
  static ChunkStatement roundTrip(SqlDialect dialect, ChunkStatement statement) {
    String sql = SqlChunkWriter.forDialect(dialect).toSql(statement);
    ChunkStatement parsed = parseOne(dialect, sql);
    assertEquals(1, parsed.line(), "a lone statement starts on line 1");
    return parsed.withLine(0);
  }

  /** Parses every statement in order and returns the exception the chunk must end in. */
  static ChunkSyntaxException rejects(SqlDialect dialect, String chunk) {
    return assertThrows(
        ChunkSyntaxException.class, () -> parse(dialect, chunk), () -> "accepted: " + chunk);
  }

  /**
   * Asserts a rejection naming the statement's line, its excerpt, and a reason containing {@code
   * reasonPart}.
   */
  static ChunkSyntaxException assertRejected(
      SqlDialect dialect, String chunk, int line, String excerpt, String reasonPart) {
    ChunkSyntaxException e = rejects(dialect, chunk);
    assertEquals(line, e.line(), () -> "line of " + e.getMessage());
    assertEquals(excerpt, e.statementExcerpt(), () -> "excerpt of " + e.getMessage());
    assertTrue(
        e.reason().contains(reasonPart),
        () -> "reason '" + e.reason() + "' lacks '" + reasonPart + "'");
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e::getMessage);
    assertTrue(e.getMessage().endsWith(" in: " + excerpt), e::getMessage);
    return e;
  }

  /** The excerpt of a one-line statement without runs of whitespace: its first 80 characters. */
  static String first80(String statement) {
    return statement.length() <= 80
        ? statement
        : statement.substring(0, 80).stripTrailing() + " ...";
  }

  /** The statements a chunk holds up to the one that fails. */
  static List<ChunkStatement> statementsBeforeFailure(SqlDialect dialect, String chunk) {
    List<ChunkStatement> statements = new ArrayList<>();
    ChunkReader reader = SqlChunkParser.forDialect(dialect).open(new java.io.StringReader(chunk));
    try {
      for (ChunkStatement s = reader.next(); s != null; s = reader.next()) {
        statements.add(s);
      }
    } catch (ChunkSyntaxException expected) {
      return statements;
    }
    throw new AssertionError("accepted: " + chunk + " as " + statements);
  }

  static String repeat(String s, int times, String separator) {
    String[] parts = new String[times];
    Arrays.fill(parts, s);
    return String.join(separator, parts);
  }
}
