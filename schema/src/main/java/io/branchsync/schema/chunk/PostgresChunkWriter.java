package io.branchsync.schema.chunk;

import java.util.List;

/**
 * PostgreSQL chunks: {@code "names"}, standard-conforming strings, {@code ON CONFLICT}, COPY
 * blocks.
 */
final class PostgresChunkWriter extends SqlChunkWriter {

  static final PostgresChunkWriter INSTANCE = new PostgresChunkWriter();

  private PostgresChunkWriter() {}

  @Override
  public SqlDialect dialect() {
    return SqlDialect.POSTGRESQL;
  }

  @Override
  void appendName(String name, StringBuilder out) {
    out.append('"').append(name).append('"');
  }

  /**
   * With standard_conforming_strings a backslash is plain, so doubling {@code '} is all it takes.
   */
  @Override
  void appendText(String text, StringBuilder out) {
    out.append('\'');
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        out.append(text, start, i + 1).append('\'');
        start = i + 1;
      } else if (c == 0) {
        throw new IllegalArgumentException("PostgreSQL text cannot hold NUL (U+0000)");
      }
    }
    out.append(text, start, length).append('\'');
  }

  @Override
  void appendBytes(SqlValue.Bytes bytes, StringBuilder out) {
    out.append("'\\x");
    bytes.appendHex(out, false);
    out.append("'::bytea");
  }

  @Override
  void appendUpsertClause(Upsert upsert, StringBuilder out) {
    out.append(" ON CONFLICT (");
    appendNames(upsert.keyColumns(), out);
    List<String> update = upsert.updateColumns();
    if (update.isEmpty()) {
      out.append(") DO NOTHING");
      return;
    }
    out.append(") DO UPDATE SET ");
    for (int i = 0; i < update.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      appendName(update.get(i), out);
      out.append(" = EXCLUDED.");
      appendName(update.get(i), out);
    }
  }

  @Override
  void writeCopy(CopyBlock copy, StringBuilder b, Appendable out) {
    b.append("COPY ");
    appendName(copy.table(), b);
    b.append(" (");
    appendNames(copy.columns(), b);
    b.append(") FROM stdin;\n");
    for (List<SqlValue> row : copy.rows()) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          b.append('\t');
        }
        CopyTextCodec.appendField(row.get(i), b);
      }
      b.append('\n');
      flushIfFull(b, out);
    }
    b.append("\\.\n");
  }
}
