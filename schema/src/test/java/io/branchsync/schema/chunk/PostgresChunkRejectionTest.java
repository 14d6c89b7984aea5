package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.assertRejected;
import static io.branchsync.schema.chunk.ChunkAssertions.first80;

import org.junit.jupiter.api.Test;

class PostgresChunkRejectionTest {

  private static final SqlDialect PG = SqlDialect.POSTGRESQL;
  private static final String INSERT = "INSERT INTO \"t\" (\"a\", \"b\", \"c\") VALUES (1, 2, 3)";

  @Test
  void rejectsSetToAnythingButExcludedOfTheSameColumn() {
    assertClauseRejected(
        " ON CONFLICT (\"a\") DO UPDATE SET \"b\" = 1, \"c\" = EXCLUDED.\"c\";",
        "expected EXCLUDED.\"b\" as the value of \"b\", found number 1");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.c, c = EXCLUDED.c;",
        "expected EXCLUDED.\"b\" as the value of \"b\", found c");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b + 1, c = EXCLUDED.c;",
        "unexpected character '+'");
  }

  @Test
  void rejectsSetThatSkipsOrRepeatsAColumnOrUpdatesAKey() {
    assertClauseRejected(" ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b;", "\"c\" is missing");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b, b = EXCLUDED.b;", "\"b\" is updated twice");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET a = EXCLUDED.a;", "cannot update key column \"a\"");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET x = EXCLUDED.x;", "\"x\", which is not in the column list");
  }

  @Test
  void rejectsOtherConflictActionsAndTargets() {
    assertClauseRejected(
        " ON CONFLICT (a) DO NOTHING;",
        "DO NOTHING is only for tables whose columns are all key columns");
    assertClauseRejected(
        " ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING;",
        "expected ( and the ON CONFLICT column list, found ON");
    assertClauseRejected(
        " ON CONFLICT (x) DO NOTHING;", "ON CONFLICT names \"x\", which is not in the column list");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b, c = EXCLUDED.c WHERE t.b <> 0;",
        "expected ; at the end of the statement, found WHERE");
    assertClauseRejected(
        " ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b, c = EXCLUDED.c RETURNING a;",
        "found RETURNING");
  }

  @Test
  void rejectsStringsOtherThanStandardOnes() {
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN (E'\\x41');",
        1,
        "DELETE FROM t WHERE k IN (E'\\x41');",
        "expected a value (a literal, NULL, TRUE or FALSE), found E");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN ($$x$$);",
        1,
        "DELETE FROM t WHERE k IN ($$x$$);",
        "unexpected character '$'");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN (U&'\\0041');",
        1,
        "DELETE FROM t WHERE k IN (U&'\\0041');",
        "found U");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN ('a\0b');",
        1,
        "DELETE FROM t WHERE k IN ('a?b');",
        "NUL characters are not allowed");
  }

  @Test
  void rejectsCastsOtherThanHexBytea() {
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN ('1'::int);",
        1,
        "DELETE FROM t WHERE k IN ('1'::int);",
        "only ::bytea casts are allowed, found int");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN ('abc'::bytea);",
        1,
        "DELETE FROM t WHERE k IN ('abc'::bytea);",
        "must be '\\x' followed by pairs of hex digits");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN ('\\xabc'::bytea);",
        1,
        "DELETE FROM t WHERE k IN ('\\xabc'::bytea);",
        "must be '\\x' followed by pairs of hex digits");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN ('\\XAB'::bytea);",
        1,
        "DELETE FROM t WHERE k IN ('\\XAB'::bytea);",
        "must be '\\x' followed by pairs of hex digits");
    assertRejected(
        PG,
        "DELETE FROM t WHERE k IN (1::bytea);",
        1,
        "DELETE FROM t WHERE k IN (1::bytea);",
        "found '::'");
  }

  @Test
  void rejectsOddQuotedNames() {
    assertRejected(
        PG,
        "DELETE FROM \"public\".\"t\" WHERE k IN (1);",
        1,
        "DELETE FROM \"public\".\"t\" WHERE k IN (1);",
        "qualified names are not allowed");
    assertRejected(
        PG,
        "DELETE FROM \"my table\" WHERE k IN (1);",
        1,
        "DELETE FROM \"my table\" WHERE k IN (1);",
        "must match [A-Za-z_][A-Za-z0-9_]*");
    assertRejected(
        PG,
        "DELETE FROM \"a\"\"b\" WHERE k IN (1);",
        1,
        "DELETE FROM \"a\"\"b\" WHERE k IN (1);",
        "quote characters are not allowed inside names");
    assertRejected(
        PG,
        "DELETE FROM \"s.t\" WHERE k IN (1);",
        1,
        "DELETE FROM \"s.t\" WHERE k IN (1);",
        "must match");
    assertRejected(
        PG,
        "DELETE FROM `t` WHERE k IN (1);",
        1,
        "DELETE FROM `t` WHERE k IN (1);",
        "backquotes are not allowed in PostgreSQL chunks");
    assertRejected(
        PG,
        "DELETE FROM \"\" WHERE k IN (1);",
        1,
        "DELETE FROM \"\" WHERE k IN (1);",
        "must match");
  }

  @Test
  void rejectsCopyFromAnywhereButStdin() {
    assertRejected(
        PG,
        "COPY t (a) FROM '/etc/passwd';",
        1,
        "COPY t (a) FROM '/etc/passwd';",
        "only COPY ... FROM stdin is allowed");
    assertRejected(
        PG,
        "COPY t (a) FROM PROGRAM 'rm -rf /';",
        1,
        "COPY t (a) FROM PROGRAM 'rm -rf /';",
        "found PROGRAM");
    assertRejected(PG, "COPY t (a) TO stdout;", 1, "COPY t (a) TO stdout;", "found TO");
    assertRejected(
        PG, "COPY t FROM stdin;", 1, "COPY t FROM stdin;", "expected ( and the column list");
    assertRejected(
        PG,
        "COPY t (a) FROM stdin WITH (FORMAT csv);",
        1,
        "COPY t (a) FROM stdin WITH (FORMAT csv);",
        "expected ; at the end of the statement, found WITH");
  }

  /** The statement is one line, so its excerpt is its first 80 characters. */
  private static void assertClauseRejected(String clause, String reason) {
    assertRejected(PG, INSERT + clause, 1, first80(INSERT + clause), reason);
  }
}
