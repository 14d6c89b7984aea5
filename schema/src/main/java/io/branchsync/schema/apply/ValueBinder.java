package io.branchsync.schema.apply;

import io.branchsync.schema.catalog.ColumnKind;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.dialect.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Binds a parsed literal to a placeholder for a given column. Textual values go through the
 * dialect so the server converts them to the column's own type; bytes stay bytes.
 */
final class ValueBinder {
  private final Dialect dialect;

  ValueBinder(Dialect dialect) {
    this.dialect = dialect;
  }

  void bind(PreparedStatement s, int index, ColumnMeta column, SqlValue value) throws SQLException {
    if (value instanceof SqlValue.Null) {
      s.setNull(index, column.jdbcType());
    } else if (value instanceof SqlValue.Bytes bytes) {
      s.setBytes(index, bytes.value());
    } else if (value instanceof SqlValue.Bool bool) {
      if (column.kind() == ColumnKind.BOOLEAN) {
        s.setBoolean(index, bool.value());
      } else {
        dialect.bindText(s, index, bool.value() ? "1" : "0");
      }
    } else if (value instanceof SqlValue.Number number) {
      dialect.bindText(s, index, number.literal());
    } else {
      bindText(s, index, column, ((SqlValue.Text) value).value());
    }
  }

  private void bindText(PreparedStatement s, int index, ColumnMeta column, String text)
      throws SQLException {
    // COPY text and cross-dialect chunks carry binary as bytea hex text ("\x0a1b").
    if (column.kind() == ColumnKind.BINARY && text.startsWith("\\x")) {
      s.setBytes(index, HexFormat.of().parseHex(text, 2, text.length()));
    } else {
      dialect.bindText(s, index, text);
    }
  }
}
