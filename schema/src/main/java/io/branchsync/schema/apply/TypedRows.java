package io.branchsync.schema.apply;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every literal of a statement parsed into its column's type before any of it is applied, so one
 * bad value refuses the statement (and with it the session) with the table, column and value.
 */
final class TypedRows {
  private static final int SHOWN_CHARACTERS = 60;

  private TypedRows() {}

  static List<List<Object>> parse(
      ChunkStatement statement,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<SqlValue>> rows) {
    List<List<Object>> typed = new ArrayList<>(rows.size());
    for (List<SqlValue> row : rows) {
      Object[] values = new Object[columns.size()];
      for (int i = 0; i < values.length; i++) {
        try {
          values[i] = LiteralParser.parse(columns.get(i), row.get(i));
        } catch (BadLiteralException e) {
          throw new SyncException(
              ErrorCode.BAD_CHUNK,
              TableGate.where(statement)
                  + "table "
                  + table.name()
                  + " column "
                  + columns.get(i).name()
                  + ": value "
                  + shown(row.get(i))
                  + " is "
                  + e.getMessage());
        }
      }
      typed.add(Arrays.asList(values));
    }
    return typed;
  }

  private static String shown(SqlValue value) {
    String text = SqlValue.plainText(value);
    if (text.length() > SHOWN_CHARACTERS) {
      return "'" + text.substring(0, SHOWN_CHARACTERS) + "...' (" + text.length() + " characters)";
    }
    return "'" + text + "'";
  }
}
