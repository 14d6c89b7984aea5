package io.branchsync.schema.capture;

import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.chunk.SqlValue;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads a column value into the chunk value model without losing anything: exact numerics as their
 * decimal text, timestamps with microseconds, binary as bytes.
 */
public final class ValueReader {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private ValueReader() {}

  public static SqlValue read(ResultSet rs, int index, ColumnMeta column) throws SQLException {
    switch (column.kind()) {
      case INTEGER, DECIMAL:
        {
          BigDecimal value = rs.getBigDecimal(index);
          return value == null ? SqlValue.NULL : new SqlValue.Number(value.toPlainString());
        }
      case FLOAT:
        {
          String value = rs.getString(index);
          return value == null ? SqlValue.NULL : new SqlValue.Number(value);
        }
      case BOOLEAN:
        {
          boolean value = rs.getBoolean(index);
          return rs.wasNull() ? SqlValue.NULL : new SqlValue.Bool(value);
        }
      case TIMESTAMP:
        {
          LocalDateTime value = rs.getObject(index, LocalDateTime.class);
          return value == null ? SqlValue.NULL : new SqlValue.Text(TIMESTAMP.format(value));
        }
      case DATE:
        {
          LocalDate value = rs.getObject(index, LocalDate.class);
          return value == null ? SqlValue.NULL : new SqlValue.Text(value.toString());
        }
      case TIME:
        {
          LocalTime value = rs.getObject(index, LocalTime.class);
          return value == null ? SqlValue.NULL : new SqlValue.Text(TIME.format(value));
        }
      case BINARY:
        {
          byte[] value = rs.getBytes(index);
          return value == null ? SqlValue.NULL : new SqlValue.Bytes(value);
        }
      default:
        {
          String value = rs.getString(index);
          return value == null ? SqlValue.NULL : new SqlValue.Text(value);
        }
    }
  }
}
