package io.branchsync.schema.chunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes chunk statements as SQL text in one dialect, exactly in the grammar {@link SqlChunkParser}
 * accepts: one statement per line ending in {@code ;\n} (a PostgreSQL string holding a newline
 * keeps it), COPY blocks as pg_dump writes them, every name quoted.
 *
 * <p>Statements are streamed to the {@link Appendable} a few kilobytes at a time, so the caller's
 * memory holds one row, not the chunk. Writers are stateless and thread-safe.
 *
 * <pre>{@code
 * SqlChunkWriter w = SqlChunkWriter.forDialect(SqlDialect.POSTGRESQL);
 * w.comment("product, 2 rows", out);
 * w.write(new Upsert("product", List.of("id", "sku"), List.of("id"), rows), out);
 * // -- product, 2 rows
 * // INSERT INTO "product" ("id", "sku") VALUES (1, 'A-1'), (2, 'A-2')
 * //     ON CONFLICT ("id") DO UPDATE SET "sku" = EXCLUDED."sku";     (on one line)
 * }</pre>
 */
public abstract sealed class SqlChunkWriter permits PostgresChunkWriter, MySqlChunkWriter {

  /** Rows are buffered up to about this many characters before going to the output. */
  private static final int FLUSH_AT = 8192;

  SqlChunkWriter() {}

  /**
   * The writer for a dialect.
   *
   * @param dialect the receiving database's dialect
   * @return the shared writer
   */
  public static SqlChunkWriter forDialect(SqlDialect dialect) {
    return Objects.requireNonNull(dialect, "dialect") == SqlDialect.MYSQL
        ? MySqlChunkWriter.INSTANCE
        : PostgresChunkWriter.INSTANCE;
  }

  /**
   * The dialect this writer writes.
   *
   * @return the dialect
   */
  public abstract SqlDialect dialect();

  /**
   * Appends one statement and its line end.
   *
   * @param statement the statement
   * @param out where the text goes
   * @throws IllegalArgumentException when the dialect cannot express it: a {@link CopyBlock} for
   *     MySQL, or text holding NUL for PostgreSQL
   * @throws UncheckedIOException when {@code out} fails
   */
  public void write(ChunkStatement statement, Appendable out) {
    Objects.requireNonNull(out, "out");
    StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
    if (statement instanceof Upsert upsert) {
      writeUpsert(upsert, buffer, out);
    } else if (statement instanceof DeleteByKey delete) {
      writeDelete(delete, buffer, out);
    } else {
      writeCopy((CopyBlock) Objects.requireNonNull(statement, "statement"), buffer, out);
    }
    flush(buffer, out);
  }

  /**
   * The statement as a string; for logs and tests.
   *
   * @param statement the statement
   * @return its text, ending in a newline
   */
  public String toSql(ChunkStatement statement) {
    StringBuilder out = new StringBuilder();
    write(statement, out);
    return out.toString();
  }

  /**
   * Appends {@code -- text} lines: one per line of {@code text}.
   *
   * @param text free text; may hold newlines, not NUL
   * @param out where the text goes
   * @throws UncheckedIOException when {@code out} fails
   */
  public void comment(String text, Appendable out) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a comment cannot hold NUL (U+0000)");
    }
    StringBuilder buffer = new StringBuilder(text.length() + 8);
    for (String line : text.split("\r\n|\r|\n", -1)) {
      // the space after -- is what makes MySQL see a comment
      buffer.append("-- ").append(line).append('\n');
    }
    flush(buffer, out);
  }

  abstract void appendName(String name, StringBuilder out);

  abstract void appendText(String text, StringBuilder out);

  abstract void appendBytes(SqlValue.Bytes bytes, StringBuilder out);

  /** Appends the clause after the rows, from {@code " ON"} up to but not including {@code ;}. */
  abstract void appendUpsertClause(Upsert upsert, StringBuilder out);

  abstract void writeCopy(CopyBlock copy, StringBuilder buffer, Appendable out);

  private void writeUpsert(Upsert upsert, StringBuilder b, Appendable out) {
    b.append("INSERT INTO ");
    appendName(upsert.table(), b);
    b.append(" (");
    appendNames(upsert.columns(), b);
    b.append(") VALUES ");
    List<List<SqlValue>> rows = upsert.rows();
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      appendTuple(rows.get(i), b);
      flushIfFull(b, out);
    }
    appendUpsertClause(upsert, b);
    b.append(";\n");
  }

  private void writeDelete(DeleteByKey delete, StringBuilder b, Appendable out) {
    b.append("DELETE FROM ");
    appendName(delete.table(), b);
    b.append(" WHERE ");
    boolean composite = delete.keyColumns().size() > 1;
    if (composite) {
      b.append('(');
      appendNames(delete.keyColumns(), b);
      b.append(')');
    } else {
      appendName(delete.keyColumns().get(0), b);
    }
    b.append(" IN (");
    List<List<SqlValue>> keys = delete.keys();
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      if (composite) {
        appendTuple(keys.get(i), b);
      } else {
        appendValue(keys.get(i).get(0), b);
      }
      flushIfFull(b, out);
    }
    b.append(");\n");
  }

  final void appendNames(List<String> names, StringBuilder b) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      appendName(names.get(i), b);
    }
  }

  private void appendTuple(List<SqlValue> values, StringBuilder b) {
    b.append('(');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      appendValue(values.get(i), b);
    }
    b.append(')');
  }

  private void appendValue(SqlValue value, StringBuilder b) {
    if (value instanceof SqlValue.Text text) {
      appendText(text.value(), b);
    } else if (value instanceof SqlValue.Number number) {
      b.append(number.literal());
    } else if (value instanceof SqlValue.Bool bool) {
      b.append(bool.value() ? "TRUE" : "FALSE");
    } else if (value instanceof SqlValue.Bytes bytes) {
      appendBytes(bytes, b);
    } else {
      b.append("NULL");
    }
  }

  static void flushIfFull(StringBuilder buffer, Appendable out) {
    if (buffer.length() >= FLUSH_AT) {
      flush(buffer, out);
    }
  }

  static void flush(StringBuilder buffer, Appendable out) {
    try {
      out.append(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("writing chunk", e);
    }
    buffer.setLength(0);
  }
}
