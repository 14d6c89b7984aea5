package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.assertRejected;
import static io.branchsync.schema.chunk.ChunkAssertions.repeat;
import static io.branchsync.schema.chunk.ChunkAssertions.statementsBeforeFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What both dialects refuse; names are unquoted here since both accept them so. */
class ChunkRejectionTest {

  private static final String ANY_STATEMENT = "expected INSERT";

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsDropTable(SqlDialect d) {
    assertRejected(d, "DROP TABLE x;", 1, "DROP TABLE x;", ANY_STATEMENT);
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsSelectAndBareUpdateNamingTheirLine(SqlDialect d) {
    assertRejected(
        d, "-- reading\n\nSELECT * FROM person;", 3, "SELECT * FROM person;", "found SELECT");
    assertRejected(
        d, "DELETE FROM t WHERE k IN (1);\n  UPDATE t\n SET a = 1;", 2, "UPDATE t", "found UPDATE");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsSecondStatementHiddenAfterUpsert(SqlDialect d) {
    String upsert =
        d == SqlDialect.MYSQL
            ? "INSERT INTO t (k, v) VALUES (1, 'x') ON DUPLICATE KEY UPDATE v = VALUES(v);"
            : "INSERT INTO t (k, v) VALUES (1, 'x') ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v;";
    String chunk = "-- sync\n" + upsert + " DROP TABLE t; --\nDELETE FROM t WHERE k IN (2);";
    assertEquals(1, statementsBeforeFailure(d, chunk).size());
    assertRejected(d, chunk, 2, "DROP TABLE t; --", ANY_STATEMENT);
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsDeleteWithoutKeys(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM t;",
        1,
        "DELETE FROM t;",
        "expected WHERE and the keys to delete, found ';'");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsDeleteWithAnotherPredicate(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM t WHERE k = 1;",
        1,
        "DELETE FROM t WHERE k = 1;",
        "expected IN after the key column, found '='");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (1) OR 1 = 1;",
        1,
        "DELETE FROM t WHERE k IN (1) OR 1 = 1;",
        "expected ; at the end of the statement, found OR");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (SELECT k FROM u);",
        1,
        "DELETE FROM t WHERE k IN (SELECT k FROM u);",
        "expected a value");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsDeleteKeysOfTheWrongArity(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM t WHERE (a, b) IN ((1, 2), (3));",
        1,
        "DELETE FROM t WHERE (a, b) IN ((1, 2), (3));",
        "key 2 has 1 values, expected 2");
    assertRejected(
        d,
        "DELETE FROM t WHERE (a) IN ((1));",
        1,
        "DELETE FROM t WHERE (a) IN ((1));",
        "single key column");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN ((1, 2));",
        1,
        "DELETE FROM t WHERE k IN ((1, 2));",
        "expected a value, found '('");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsInsertWithoutUpsertClause(SqlDialect d) {
    assertRejected(
        d,
        "INSERT INTO t (a) VALUES (1);",
        1,
        "INSERT INTO t (a) VALUES (1);",
        "a plain INSERT is not allowed");
    assertRejected(
        d,
        "INSERT INTO t (a) SELECT a FROM u;",
        1,
        "INSERT INTO t (a) SELECT a FROM u;",
        "expected VALUES after the column list, found SELECT");
    assertRejected(
        d,
        "INSERT INTO t VALUES (1);",
        1,
        "INSERT INTO t VALUES (1);",
        "expected ( and the column list, found VALUES");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsRowsOfTheWrongArity(SqlDialect d) {
    assertRejected(
        d,
        "INSERT INTO t (a, b) VALUES (1, 2),\n (3) ON",
        1,
        "INSERT INTO t (a, b) VALUES (1, 2), (3) ON",
        "row 2 has 1 values, expected 2 (at line 2)");
    assertRejected(
        d,
        "INSERT INTO t (a) VALUES (1, 2)",
        1,
        "INSERT INTO t (a) VALUES (1, 2)",
        "row 1 has more than 1 values");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsDuplicateColumnsIgnoringCase(SqlDialect d) {
    assertRejected(
        d,
        "INSERT INTO t (id, ID) VALUES (1, 2)",
        1,
        "INSERT INTO t (id, ID) VALUES (1, 2)",
        "appears twice in the column list");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsUnterminatedString(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (1);\nDELETE FROM t WHERE k IN ('abc);\n\n",
        2,
        "DELETE FROM t WHERE k IN ('abc);",
        "unterminated string literal (at line 4)");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsQualifiedAndOddNames(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM s.t WHERE k IN (1);",
        1,
        "DELETE FROM s.t WHERE k IN (1);",
        "qualified names");
    assertRejected(
        d,
        "DELETE FROM t$x WHERE k IN (1);",
        1,
        "DELETE FROM t$x WHERE k IN (1);",
        "unexpected character '$'");
    assertRejected(
        d,
        "DELETE FROM tablé WHERE k IN (1);",
        1,
        "DELETE FROM tablé WHERE k IN (1);",
        "unexpected character 'é'");
    assertRejected(
        d,
        "DELETE FROM " + "t".repeat(65) + " WHERE k IN (1);",
        1,
        "DELETE FROM " + "t".repeat(65) + " WH ...",
        "name longer than 64 characters");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsBlockComments(SqlDialect d) {
    assertRejected(
        d,
        "/* hello */ DELETE FROM t WHERE k IN (1);",
        1,
        "/* hello */ DELETE FROM t WHERE k IN (1);",
        "/* */ comments are not allowed");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsMissingSemicolonAndTextAfterTheLastOne(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (1)\n",
        1,
        "DELETE FROM t WHERE k IN (1)",
        "expected ; at the end of the statement, found end of chunk");
    assertRejected(d, "DELETE FROM t WHERE k IN (1); trailing", 1, "trailing", "found trailing");
    assertRejected(d, "DELETE FROM t WHERE k IN (1);\n;", 2, ";", "found ';'");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsMalformedNumbers(SqlDialect d) {
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (1.);",
        1,
        "DELETE FROM t WHERE k IN (1.);",
        "malformed number 1.");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (0x1F);",
        1,
        "DELETE FROM t WHERE k IN (0x1F);",
        "malformed number 0x1F");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (- 1);",
        1,
        "DELETE FROM t WHERE k IN (- 1);",
        "unexpected character '-'");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (+1);",
        1,
        "DELETE FROM t WHERE k IN (+1);",
        "unexpected character '+'");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (1-2);",
        1,
        "DELETE FROM t WHERE k IN (1-2);",
        "expected , or ) in the key list, found number -2");
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void rejectsMoreRowsOrColumnsThanTheLimits(SqlDialect d) {
    String keys = repeat("1", ChunkStatement.MAX_ROWS + 1, ", ");
    assertRejected(
        d,
        "DELETE FROM t WHERE k IN (" + keys + ");",
        1,
        "DELETE FROM t WHERE k IN (" + keys.substring(0, 53) + " ...",
        "more than 10000 keys in one statement");
    StringBuilder columns = new StringBuilder("c0");
    for (int i = 1; i <= ChunkStatement.MAX_COLUMNS; i++) {
      columns.append(", c").append(i);
    }
    ChunkSyntaxException e = ChunkAssertions.rejects(d, "INSERT INTO t (" + columns + ") VALUES");
    assertEquals("more than 1000 names in the column list", e.reason());
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void staysFailedAfterTheFirstError(SqlDialect d) {
    ChunkReader reader =
        SqlChunkParser.forDialect(d)
            .open(new StringReader("DROP TABLE t;\nDELETE FROM t WHERE k IN (1);"));
    ChunkSyntaxException first = assertThrows(ChunkSyntaxException.class, reader::next);
    assertSame(first, assertThrows(ChunkSyntaxException.class, reader::next));
  }

  @ParameterizedTest
  @EnumSource(SqlDialect.class)
  void showsControlCharactersInMessagesAsQuestionMarks(SqlDialect d) {
    assertRejected(
        d, "DELETE FROM t\u0007 WHERE k IN (1);", 1, "DELETE FROM t? WHERE k IN (1);", "(U+0007)");
  }
}
