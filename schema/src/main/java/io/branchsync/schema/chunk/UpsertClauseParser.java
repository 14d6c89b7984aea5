package io.branchsync.schema.chunk;

import io.branchsync.schema.chunk.SqlLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of an upsert after its rows: {@code ON CONFLICT ... DO UPDATE SET ...} or {@code ON
 * DUPLICATE KEY UPDATE ...}, which yields the key columns.
 *
 * <p>The update list must be exactly "every non-key column takes the new value": the applier runs
 * its own statement from the parsed model, so a chunk that updated fewer columns, or set a column
 * to anything else, would mean something the model cannot say, and is refused.
 */
final class UpsertClauseParser {

  private final TokenCursor in;

  UpsertClauseParser(TokenCursor in) {
    this.in = in;
  }

  /**
   * {@code ON CONFLICT (keys) DO UPDATE SET c = EXCLUDED.c, ...} or {@code DO NOTHING} when all
   * columns are keys.
   */
  List<String> onConflict(List<String> columns) {
    String missing = "expected ON CONFLICT after VALUES (a plain INSERT is not allowed)";
    in.expectWord("ON", missing);
    in.expectWord("CONFLICT", missing);
    List<String> keys = in.nameList("ON CONFLICT column list");
    for (String key : keys) {
      if (!columns.contains(key)) {
        throw in.error("ON CONFLICT names " + in.quote(key) + ", which is not in the column list");
      }
    }
    List<String> nonKey = new ArrayList<>(columns);
    nonKey.removeAll(keys);
    in.expectWord("DO", "expected DO UPDATE SET or DO NOTHING after ON CONFLICT (...)");
    if (in.isWord("NOTHING")) {
      if (!nonKey.isEmpty()) {
        throw in.error(
            "DO NOTHING is only for tables whose columns are all key columns; "
                + "expected DO UPDATE SET for the other columns");
      }
      in.advance();
      return keys;
    }
    in.expectWord("UPDATE", "expected DO UPDATE SET or DO NOTHING after ON CONFLICT (...)");
    in.expectWord("SET", "expected SET after DO UPDATE");
    Set<String> assigned = new HashSet<>();
    do {
      String column = assignedColumn(columns, keys, assigned);
      in.expect(Token.EQUALS, "expected = after " + in.quote(column));
      String value =
          "expected EXCLUDED." + in.quote(column) + " as the value of " + in.quote(column);
      in.expectWord("EXCLUDED", value);
      in.expect(Token.DOT, value);
      in.expectName(column, value);
    } while (in.consumeComma());
    requireAllAssigned(nonKey, assigned, "DO UPDATE SET");
    return keys;
  }

  /**
   * {@code ON DUPLICATE KEY UPDATE c = VALUES(c), ...}: the key columns are the ones not updated.
   * The lone {@code k = k} form, for a table whose columns are all key columns, makes every column
   * a key column.
   */
  List<String> onDuplicateKey(List<String> columns) {
    String missing =
        "expected ON DUPLICATE KEY UPDATE after VALUES (a plain INSERT is not allowed)";
    for (String keyword : new String[] {"ON", "DUPLICATE", "KEY", "UPDATE"}) {
      in.expectWord(keyword, missing);
    }
    Set<String> updated = new HashSet<>();
    String selfAssigned = null;
    int assignments = 0;
    do {
      assignments++;
      String column = assignedColumn(columns, List.of(), updated);
      in.expect(Token.EQUALS, "expected = after " + in.quote(column));
      if (isValuesOf(column)) {
        updated.add(column);
      } else {
        selfAssigned = column;
      }
    } while (in.consumeComma());
    if (selfAssigned != null) {
      if (assignments > 1) {
        throw in.error(
            in.quote(selfAssigned)
                + " = "
                + in.quote(selfAssigned)
                + " is only written alone, for a table whose columns are all key columns");
      }
      return columns;
    }
    List<String> keys = new ArrayList<>(columns);
    keys.removeAll(updated);
    if (keys.isEmpty()) {
      throw in.error("ON DUPLICATE KEY UPDATE updates every column, leaving no key column");
    }
    return keys;
  }

  /**
   * Reads the right side of {@code c = ...}: true for {@code VALUES(c)}, false for {@code c}
   * itself.
   */
  private boolean isValuesOf(String column) {
    String expected =
        "expected VALUES(" + in.quote(column) + ") as the value of " + in.quote(column);
    if (in.isWord("VALUES")) {
      String word = in.lexer().textString();
      in.advance();
      // a column that is itself named VALUES may stand alone in the k = k form
      if (in.token() != Token.LPAREN && word.equals(column)) {
        return false;
      }
      in.expect(Token.LPAREN, expected);
      in.expectName(column, expected);
      in.expect(Token.RPAREN, expected);
      return true;
    }
    in.expectName(column, expected);
    return false;
  }

  private String assignedColumn(List<String> columns, List<String> keys, Set<String> assigned) {
    String column = in.name("a column to update");
    if (!columns.contains(column)) {
      throw in.error("cannot update " + in.quote(column) + ", which is not in the column list");
    }
    if (keys.contains(column)) {
      throw in.error("cannot update key column " + in.quote(column));
    }
    if (!assigned.add(column)) {
      throw in.error(in.quote(column) + " is updated twice");
    }
    return column;
  }

  private void requireAllAssigned(List<String> nonKey, Set<String> assigned, String clause) {
    for (String column : nonKey) {
      if (!assigned.contains(column)) {
        throw in.error(
            clause + " must update every non-key column; " + in.quote(column) + " is missing");
      }
    }
  }
}
