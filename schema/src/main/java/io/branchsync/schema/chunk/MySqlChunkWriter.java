package io.branchsync.schema.chunk;

import java.util.List;

/**
 * MySQL and MariaDB chunks: {@code `names`}, backslash-escaped strings, {@code ON DUPLICATE KEY
 * UPDATE}.
 */
final class MySqlChunkWriter extends SqlChunkWriter {

  static final MySqlChunkWriter INSTANCE = new MySqlChunkWriter();

  private MySqlChunkWriter() {}

  @Override
  public SqlDialect dialect() {
    return SqlDialect.MYSQL;
  }

  @Override
  void appendName(String name, StringBuilder out) {
    out.append('`').append(name).append('`');
  }

  @Override
  void appendText(String text, StringBuilder out) {
    MySqlStringCodec.append(text, out);
  }

  @Override
  void appendBytes(SqlValue.Bytes bytes, StringBuilder out) {
    out.append("X'");
    bytes.appendHex(out, true);
    out.append('\'');
  }

  /**
   * {@code VALUES(c)} rather than the row alias of MySQL 8.0.19+, because MariaDB has no row alias
   * and both still accept {@code VALUES()}.
   */
  @Override
  void appendUpsertClause(Upsert upsert, StringBuilder out) {
    out.append(" ON DUPLICATE KEY UPDATE ");
    List<String> update = upsert.updateColumns();
    if (update.isEmpty()) {
      // MySQL has no DO NOTHING; assigning a key column to itself changes nothing
      String key = upsert.keyColumns().get(0);
      appendName(key, out);
      out.append(" = ");
      appendName(key, out);
      return;
    }
    for (int i = 0; i < update.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      appendName(update.get(i), out);
      out.append(" = VALUES(");
      appendName(update.get(i), out);
      out.append(')');
    }
  }

  @Override
  void writeCopy(CopyBlock copy, StringBuilder buffer, Appendable out) {
    throw new IllegalArgumentException("COPY blocks are PostgreSQL only; write Upserts for MySQL");
  }
}
