package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.assertRejected;
import static io.branchsync.schema.chunk.ChunkAssertions.first80;

import org.junit.jupiter.api.Test;

class MySqlChunkRejectionTest {

  private static final SqlDialect MY = SqlDialect.MYSQL;
  private static final String INSERT =
      "INSERT INTO `t` (`a`, `b`, `c`) VALUES (1, 2, 3) ON DUPLICATE KEY UPDATE";

  @Test
  void rejectsUpdateToAnythingButValuesOfTheSameColumn() {
    assertClauseRejected(
        " `b` = 1, `c` = VALUES(`c`);", "expected VALUES(`b`) as the value of `b`, found number 1");
    assertClauseRejected(
        " `b` = VALUES(`c`), `c` = VALUES(`c`);",
        "expected VALUES(`b`) as the value of `b`, found `c`");
    assertClauseRejected(" `b` = `b` + 1;", "unexpected character '+'");
    assertClauseRejected(" `b` = VALUES(`b`), `b` = VALUES(`b`);", "`b` is updated twice");
  }

  @Test
  void rejectsSelfAssignmentMixedWithUpdates() {
    assertClauseRejected(" `a` = `a`, `b` = VALUES(`b`);", "`a` = `a` is only written alone");
  }

  @Test
  void rejectsUpdatingEveryColumn() {
    assertClauseRejected(
        " `a` = VALUES(`a`), `b` = VALUES(`b`), `c` = VALUES(`c`);", "leaving no key column");
  }

  @Test
  void rejectsInsertVariants() {
    assertRejected(
        MY,
        "INSERT IGNORE INTO t (a) VALUES (1);",
        1,
        "INSERT IGNORE INTO t (a) VALUES (1);",
        "expected INTO after INSERT, found IGNORE");
    assertRejected(
        MY, "REPLACE INTO t (a) VALUES (1);", 1, "REPLACE INTO t (a) VALUES (1);", "found REPLACE");
    assertRejected(
        MY,
        "INSERT INTO t (a) VALUES (1) ON DUPLICATE UPDATE a = a;",
        1,
        "INSERT INTO t (a) VALUES (1) ON DUPLICATE UPDATE a = a;",
        "expected ON DUPLICATE KEY UPDATE");
  }

  @Test
  void rejectsCopy() {
    assertRejected(
        MY,
        "COPY `t` (`a`) FROM stdin;\n1\n\\.\n",
        1,
        "COPY `t` (`a`) FROM stdin;",
        "COPY is not allowed in MySQL chunks");
  }

  @Test
  void rejectsDoubleQuotesAndUnknownEscapes() {
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN (\"x\");",
        1,
        "DELETE FROM t WHERE k IN (\"x\");",
        "double quotes are not allowed in MySQL chunks");
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN ('a\\qb');",
        1,
        "DELETE FROM t WHERE k IN ('a\\qb');",
        "unsupported escape \\q");
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN (_utf8mb4'x');",
        1,
        "DELETE FROM t WHERE k IN (_utf8mb4'x');",
        "found _utf8mb4");
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN ('x'::bytea);",
        1,
        "DELETE FROM t WHERE k IN ('x'::bytea);",
        "unexpected character ':'");
  }

  @Test
  void rejectsOddHexLiterals() {
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN (X'ABC');",
        1,
        "DELETE FROM t WHERE k IN (X'ABC');",
        "even number of hex digits");
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN (X'GG');",
        1,
        "DELETE FROM t WHERE k IN (X'GG');",
        "may hold only hex digits");
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN (0xAB);",
        1,
        "DELETE FROM t WHERE k IN (0xAB);",
        "malformed number");
  }

  @Test
  void rejectsCommentsMySqlWouldNotTakeAsComments() {
    assertRejected(
        MY,
        "DELETE FROM t WHERE k IN (1);\n--no space\n",
        2,
        "--no space",
        "'--' must be followed by a space");
    assertRejected(
        MY,
        "# hash comment\nDELETE FROM t WHERE k IN (1);",
        1,
        "# hash comment",
        "# comments are not allowed");
  }

  @Test
  void rejectsOddQuotedNames() {
    assertRejected(
        MY,
        "DELETE FROM `db`.`t` WHERE k IN (1);",
        1,
        "DELETE FROM `db`.`t` WHERE k IN (1);",
        "qualified names are not allowed");
    assertRejected(
        MY,
        "DELETE FROM `a``b` WHERE k IN (1);",
        1,
        "DELETE FROM `a``b` WHERE k IN (1);",
        "quote characters are not allowed inside names");
    assertRejected(
        MY,
        "DELETE FROM `a b` WHERE k IN (1);",
        1,
        "DELETE FROM `a b` WHERE k IN (1);",
        "must match");
  }

  /** The statement is one line, so its excerpt is its first 80 characters. */
  private static void assertClauseRejected(String clause, String reason) {
    assertRejected(MY, INSERT + clause, 1, first80(INSERT + clause), reason);
  }
}
