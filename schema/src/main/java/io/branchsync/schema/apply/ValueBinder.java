package io.branchsync.schema.apply;

import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.dialect.Dialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a value {@link LiteralParser} already typed to a placeholder: numbers, booleans and bytes
 * as themselves, text and the canonical date and time text through the dialect, so the server reads
 * a form that has only one meaning.
 */
final class ValueBinder {
  private final Dialect dialect;

  ValueBinder(Dialect dialect) {
    this.dialect = dialect;
  }

  void bind(PreparedStatement s, int index, ColumnMeta column, Object value) throws SQLException {
    if (value == null) {
      s.setNull(index, column.jdbcType());
    } else if (value instanceof Long number) {
      s.setLong(index, number);
    } else if (value instanceof BigInteger number) {
      s.setBigDecimal(index, new BigDecimal(number));
    } else if (value instanceof BigDecimal number) {
      s.setBigDecimal(index, number);
    } else if (value instanceof Double number) {
      s.setDouble(index, number);
    } else if (value instanceof Boolean bool) {
      s.setBoolean(index, bool);
    } else if (value instanceof byte[] bytes) {
      s.setBytes(index, bytes);
    } else {
      dialect.bindText(s, index, (String) value);
    }
  }
}
