package io.branchsync.schema.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation shared by the statement records, so that a statement built in code obeys the same
 * limits and shapes as one the parser accepts.
 */
final class StatementChecks {

  private StatementChecks() {}

  static void requireLine(int line) {
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 or more, got " + line);
    }
  }

  /**
   * Copies rows into immutable lists, checking count and arity.
   *
   * @param allowEmpty whether no rows at all is allowed (a COPY block may be empty)
   */
  static List<List<SqlValue>> copyRows(
      List<List<SqlValue>> rows, int arity, String what, boolean allowEmpty) {
    if (rows == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (rows.isEmpty() && !allowEmpty) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (rows.size() > ChunkStatement.MAX_ROWS) {
      throw new IllegalArgumentException(
          what + " has " + rows.size() + " entries, at most " + ChunkStatement.MAX_ROWS);
    }
    List<List<SqlValue>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      // List.copyOf returns an already-immutable row as it is: parsed rows are not copied twice.
      List<SqlValue> row = List.copyOf(rows.get(i));
      if (row.size() != arity) {
        throw new IllegalArgumentException(
            what + " entry " + (i + 1) + " has " + row.size() + " values, expected " + arity);
      }
      copy.add(row);
    }
    return List.copyOf(copy);
  }
}
