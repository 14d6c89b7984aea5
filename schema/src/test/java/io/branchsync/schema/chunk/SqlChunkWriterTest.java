package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.bytes;
import static io.branchsync.schema.chunk.ChunkAssertions.num;
import static io.branchsync.schema.chunk.ChunkAssertions.row;
import static io.branchsync.schema.chunk.ChunkAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlChunkWriterTest {

  private static final SqlChunkWriter PG = SqlChunkWriter.forDialect(SqlDialect.POSTGRESQL);
  private static final SqlChunkWriter MY = SqlChunkWriter.forDialect(SqlDialect.MYSQL);

  private static final Upsert UPSERT =
      new Upsert(
          "t",
          List.of("a", "b", "c"),
          List.of("a"),
          List.of(
              row(num("1"), text("x"), SqlValue.NULL), row(num("2"), text("y"), SqlValue.TRUE)));

  @Test
  void postgresUpsertUpdatesEveryNonKeyColumnFromExcluded() {
    assertEquals(
        "INSERT INTO \"t\" (\"a\", \"b\", \"c\") VALUES (1, 'x', NULL), (2, 'y', TRUE) ON CONFLICT"
            + " (\"a\") DO UPDATE SET \"b\" = EXCLUDED.\"b\", \"c\" = EXCLUDED.\"c\";\n",
        PG.toSql(UPSERT));
  }

  @Test
  void postgresUpsertOfAllKeyTableDoesNothing() {
    Upsert upsert =
        new Upsert("t", List.of("a", "b"), List.of("b", "a"), List.of(row(num("1"), text("x"))));
    assertEquals(
        "INSERT INTO \"t\" (\"a\", \"b\") VALUES (1, 'x') ON CONFLICT (\"a\", \"b\") DO NOTHING;\n",
        PG.toSql(upsert));
  }

  @Test
  void postgresDeletesBySingleAndCompositeKey() {
    assertEquals(
        "DELETE FROM \"t\" WHERE \"a\" IN (1, 2, 3);\n",
        PG.toSql(
            new DeleteByKey(
                "t", List.of("a"), List.of(row(num("1")), row(num("2")), row(num("3"))))));
    assertEquals(
        "DELETE FROM \"t\" WHERE (\"a\", \"b\") IN ((1, 'x'), (2, 'y'));\n",
        PG.toSql(
            new DeleteByKey(
                "t",
                List.of("a", "b"),
                List.of(row(num("1"), text("x")), row(num("2"), text("y"))))));
  }

  @Test
  void postgresLiteralsDoubleQuotesOnlyAndCastBytes() {
    DeleteByKey delete =
        new DeleteByKey(
            "t",
            List.of("k"),
            List.of(
                row(text("it's a\\b")),
                row(text("")),
                row(bytes(0xde, 0xad, 0x00, 0x27, 0x5c)),
                row(bytes()),
                row(SqlValue.FALSE),
                row(num("-12.50")),
                row(text("line\nbreak"))));
    assertEquals(
        "DELETE FROM \"t\" WHERE \"k\" IN ('it''s a\\b', '', '\\xdead00275c'::bytea, '\\x'::bytea,"
            + " FALSE, -12.50, 'line\nbreak');\n",
        PG.toSql(delete));
  }

  @Test
  void postgresRefusesNulInText() {
    DeleteByKey delete = new DeleteByKey("t", List.of("k"), List.of(row(text("a\0b"))));
    assertThrows(IllegalArgumentException.class, () -> PG.toSql(delete));
  }

  @Test
  void postgresCopyBlockIsPgDumpText() {
    CopyBlock copy =
        new CopyBlock(
            "t",
            List.of("a", "b", "c", "d", "e"),
            List.of(
                row(
                    num("1"),
                    text("tab\there\\ \r\n\b\f\u000b."),
                    SqlValue.NULL,
                    SqlValue.TRUE,
                    bytes(0x00, 0xff)),
                row(num("2.5"), text(""), text("\\N"), SqlValue.FALSE, bytes())));
    assertEquals(
        "COPY \"t\" (\"a\", \"b\", \"c\", \"d\", \"e\") FROM stdin;\n"
            + "1\ttab\\there\\\\ \\r\\n\\b\\f\\v.\t\\N\tt\t\\\\x00ff\n"
            + "2.5\t\t\\\\N\tf\t\\\\x\n"
            + "\\.\n",
        PG.toSql(copy));
  }

  @Test
  void mysqlUpsertUpdatesFromValues() {
    assertEquals(
        "INSERT INTO `t` (`a`, `b`, `c`) VALUES (1, 'x', NULL), (2, 'y', TRUE)"
            + " ON DUPLICATE KEY UPDATE `b` = VALUES(`b`), `c` = VALUES(`c`);\n",
        MY.toSql(UPSERT));
  }

  @Test
  void mysqlUpsertOfAllKeyTableAssignsAKeyToItself() {
    Upsert upsert =
        new Upsert("t", List.of("a", "b"), List.of("a", "b"), List.of(row(num("1"), text("x"))));
    assertEquals(
        "INSERT INTO `t` (`a`, `b`) VALUES (1, 'x') ON DUPLICATE KEY UPDATE `a` = `a`;\n",
        MY.toSql(upsert));
  }

  @Test
  void mysqlDeletesBySingleAndCompositeKey() {
    assertEquals(
        "DELETE FROM `t` WHERE `a` IN (1, 2);\n",
        MY.toSql(new DeleteByKey("t", List.of("a"), List.of(row(num("1")), row(num("2"))))));
    assertEquals(
        "DELETE FROM `t` WHERE (`a`, `b`) IN ((1, 'x'), (2, 'y'));\n",
        MY.toSql(
            new DeleteByKey(
                "t",
                List.of("a", "b"),
                List.of(row(num("1"), text("x")), row(num("2"), text("y"))))));
  }

  @Test
  void mysqlLiteralsEscapeBackslashQuoteNulAndLineBreaks() {
    DeleteByKey delete =
        new DeleteByKey(
            "t",
            List.of("k"),
            List.of(
                row(text("it's \\ \0 \n \r \u001a \t \" % _")),
                    row(bytes(0xde, 0xad, 0x00, 0x27, 0x5c)),
                row(bytes()), row(SqlValue.NULL)));
    assertEquals(
        "DELETE FROM `t` WHERE `k` IN ('it\\'s \\\\ \\0 \\n \\r \\Z \t \" % _', X'DEAD00275C', X'',"
            + " NULL);\n",
        MY.toSql(delete));
  }

  @Test
  void mysqlRefusesCopyBlocks() {
    CopyBlock copy = new CopyBlock("t", List.of("a"), List.of(row(text("x"))));
    assertThrows(IllegalArgumentException.class, () -> MY.toSql(copy));
  }

  @Test
  void commentsBecomeOneDashedLinePerLine() {
    StringBuilder out = new StringBuilder();
    MY.comment("chunk 3 of 7\nproduct\r\n", out);
    assertEquals("-- chunk 3 of 7\n-- product\n-- \n", out.toString());
    assertThrows(IllegalArgumentException.class, () -> PG.comment("a\0", new StringBuilder()));
  }

  @Test
  void failingOutputSurfacesAsUncheckedIoException() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    assertThrows(UncheckedIOException.class, () -> PG.write(UPSERT, broken));
  }

  @Test
  void largeStatementsStreamInPieces() {
    List<List<SqlValue>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ChunkStatement.MAX_ROWS; i++) {
      rows.add(row(num(Integer.toString(i)), text("some text " + i)));
    }
    Upsert upsert = new Upsert("t", List.of("id", "v"), List.of("id"), rows);
    int[] appends = {0};
    StringBuilder target = new StringBuilder();
    PG.write(
        upsert,
        new Appendable() {
          @Override
          public Appendable append(CharSequence csq) {
            appends[0]++;
            return target.append(csq);
          }

          @Override
          public Appendable append(CharSequence csq, int start, int end) {
            appends[0]++;
            return target.append(csq, start, end);
          }

          @Override
          public Appendable append(char c) {
            appends[0]++;
            return target.append(c);
          }
        });
    assertEquals(PG.toSql(upsert), target.toString());
    assertEquals(true, appends[0] > 10, "appends: " + appends[0]);
  }
}
