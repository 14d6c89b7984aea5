package io.branchsync.schema.capture;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One change-log row as the reader sees it. */
record LogEntry(long seq, String table, List<String> key, Integer origin, Long txid) {

  static LogEntry from(ResultSet rs) throws SQLException {
    List<String> key = new ArrayList<>(3);
    for (int i = 3; i <= 5; i++) {
      String part = rs.getString(i);
      if (part != null) {
        key.add(part);
      }
    }
    int origin = rs.getInt(6);
    Integer originOrNull = rs.wasNull() ? null : origin;
    long txid = rs.getLong(7);
    Long txidOrNull = rs.wasNull() ? null : txid;
    return new LogEntry(rs.getLong(1), rs.getString(2), List.copyOf(key), originOrNull, txidOrNull);
  }
}
