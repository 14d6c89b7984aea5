package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.bytes;
import static io.branchsync.schema.chunk.ChunkAssertions.num;
import static io.branchsync.schema.chunk.ChunkAssertions.parse;
import static io.branchsync.schema.chunk.ChunkAssertions.parseOne;
import static io.branchsync.schema.chunk.ChunkAssertions.roundTrip;
import static io.branchsync.schema.chunk.ChunkAssertions.row;
import static io.branchsync.schema.chunk.ChunkAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresChunkParserTest {

  private static final SqlDialect PG = SqlDialect.POSTGRESQL;

  @Test
  void readsTheWritersUpsert() {
    ChunkStatement parsed =
        parseOne(
            PG,
            "INSERT INTO \"product\" (\"id\", \"sku\", \"price\") VALUES "
                + "(1, 'A-1', 12.50), (2, 'B''2', NULL) ON CONFLICT (\"id\") DO UPDATE SET "
                + "\"sku\" = EXCLUDED.\"sku\", \"price\" = EXCLUDED.\"price\";\n");
    assertEquals(
        new Upsert(
            "product",
            List.of("id", "sku", "price"),
            List.of("id"),
            List.of(
                row(num("1"), text("A-1"), num("12.50")),
                row(num("2"), text("B'2"), SqlValue.NULL)),
            1),
        parsed);
  }

  @Test
  void acceptsAnyWhitespaceCommentsKeywordCaseAndUnquotedNames() {
    String chunk =
        "-- chunk 1\n\n"
            + "  insert\tinto product\n"
            + "(id,\n"
            + "\"Sku\")  values(1,'x')\n"
            + "-- a comment between tokens\n"
            + " on  Conflict (id) do update set Sku=excluded . \"Sku\"\n"
            + ";delete from product where id in(1 , 2);\n\n"
            + "-- trailing comment";
    List<ChunkStatement> statements = parse(PG, chunk);
    assertEquals(
        new Upsert(
            "product", List.of("id", "Sku"), List.of("id"), List.of(row(num("1"), text("x"))), 3),
        statements.get(0));
    assertEquals(
        new DeleteByKey("product", List.of("id"), List.of(row(num("1")), row(num("2"))), 8),
        statements.get(1));
  }

  @Test
  void roundTripsEveryStatementKind() {
    Upsert upsert =
        new Upsert(
            "sale_item",
            List.of("id", "sale_id", "quantity"),
            List.of("id"),
            List.of(row(num("10000001"), num("10000001"), num("2.000"))));
    Upsert allKey =
        new Upsert("tag", List.of("a", "b"), List.of("a", "b"), List.of(row(num("1"), text("x"))));
    DeleteByKey single =
        new DeleteByKey("person", List.of("id"), List.of(row(num("7")), row(num("8"))));
    DeleteByKey composite =
        new DeleteByKey(
            "tag", List.of("a", "b"), List.of(row(num("1"), text("x")), row(num("2"), bytes(0))));
    CopyBlock copy =
        new CopyBlock(
            "product",
            List.of("id", "description"),
            List.of(row(text("1"), text("tab\tand\nnewline")), row(text("2"), SqlValue.NULL)));
    for (ChunkStatement statement : List.of(upsert, allKey, single, composite, copy)) {
      assertEquals(statement, roundTrip(PG, statement));
    }
  }

  @Test
  void valuesSurviveAsData() {
    List<SqlValue> values =
        List.of(
            text("'; DROP TABLE x; --"),
            text("it's"),
            text("back\\slash\\"),
            text("\\x41"),
            text("Ünïcödé 中文 😀 👍🏽"),
            text("line\nbreak\r\n\ttab"),
            text(""),
            text("NULL"),
            SqlValue.NULL,
            SqlValue.TRUE,
            SqlValue.FALSE,
            num("12345678901234567890.123456789"),
            num("-0.0"),
            num("1e-300"),
            bytes(0x00, 0x27, 0x5c, 0xff),
            bytes(),
            text("$$ dollar $$"),
            text("/* not a comment */"));
    List<String> columns = new java.util.ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      columns.add("c" + i);
    }
    Upsert upsert = new Upsert("t", columns, List.of("c0"), List.of(values));
    assertEquals(upsert, roundTrip(PG, upsert));
    DeleteByKey delete =
        new DeleteByKey("t", List.of("k"), values.stream().map(v -> row(v)).toList());
    assertEquals(delete, roundTrip(PG, delete));
  }

  @Test
  void readsLiteralsInAnyCase() {
    ChunkStatement parsed =
        parseOne(
            PG,
            "DELETE FROM t WHERE k IN (null, True, fAlSe, '\\xDEADbeef'::BYTEA,"
                + " '\\x' :: bytea);");
    assertEquals(
        List.of(
            row(SqlValue.NULL),
            row(SqlValue.TRUE),
            row(SqlValue.FALSE),
            row(bytes(0xde, 0xad, 0xbe, 0xef)),
            row(bytes())),
        ((DeleteByKey) parsed).keys());
  }

  @Test
  void keepsBackslashesAsPlainCharacters() {
    ChunkStatement parsed = parseOne(PG, "DELETE FROM t WHERE k IN ('a\\', 'b\\''c');");
    assertEquals(List.of(row(text("a\\")), row(text("b\\'c"))), ((DeleteByKey) parsed).keys());
  }

  @Test
  void countsLinesAcrossMultiLineLiteralsAndCopyData() {
    String chunk =
        "DELETE FROM t WHERE k IN ('one\ntwo\nthree');\n"
            + "COPY t (k) FROM stdin;\na\nb\n\\.\n"
            + "-- note\n"
            + "DELETE FROM t WHERE k IN (1); DELETE FROM t WHERE k IN (2);\n";
    List<ChunkStatement> statements = parse(PG, chunk);
    assertEquals(List.of(1, 4, 9, 9), statements.stream().map(ChunkStatement::line).toList());
  }

  @Test
  void readerCountsAndNamesWhatItReturned() throws Exception {
    String chunk =
        "DELETE FROM \"product\" WHERE \"id\" IN (1, 2, 3);\n"
            + "INSERT INTO \"product\" (\"id\", \"description\") VALUES (4, '"
            + "x".repeat(100)
            + "')"
            + " ON CONFLICT (\"id\") DO UPDATE SET \"description\" = EXCLUDED.\"description\";\n";
    try (ChunkReader reader = SqlChunkParser.forDialect(PG).open(new StringReader(chunk))) {
      reader.next();
      assertEquals("DELETE FROM \"product\" WHERE \"id\" IN (1, 2, 3);", reader.excerpt());
      reader.next();
      assertEquals(
          "INSERT INTO \"product\" (\"id\", \"description\") VALUES (4, '"
              + "x".repeat(24)
              + " ...",
          reader.excerpt());
      assertNull(reader.next());
      assertNull(reader.next());
      assertEquals(2, reader.statementCount());
      assertEquals(4, reader.rowCount());
    }
  }

  @Test
  void readsChunksLongerThanItsBuffer() {
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      chunk
          .append("DELETE FROM t WHERE k IN (")
          .append(i)
          .append(", '")
          .append("y".repeat(i % 50))
          .append("');\n-- ")
          .append(i)
          .append('\n');
    }
    List<ChunkStatement> statements = parse(PG, chunk.toString());
    assertEquals(5_000, statements.size());
    assertEquals(9_999, statements.get(4_999).line());
  }

  @Test
  void readsAReaderThatHandsOutOneCharacterAtATime() {
    String chunk = "DELETE FROM t WHERE k IN (1);--x\n-- y\nDELETE FROM t WHERE k IN (-2);";
    java.io.Reader slow =
        new java.io.FilterReader(new StringReader(chunk)) {
          @Override
          public int read(char[] cbuf, int off, int len) throws java.io.IOException {
            return super.read(cbuf, off, Math.min(len, 1));
          }
        };
    ChunkReader reader = SqlChunkParser.forDialect(PG).open(slow);
    assertEquals(1, reader.next().line());
    assertEquals(new DeleteByKey("t", List.of("k"), List.of(row(num("-2"))), 3), reader.next());
    assertNull(reader.next());
  }

  @Test
  void emptyChunkHasNoStatements() {
    assertEquals(List.of(), parse(PG, ""));
    assertEquals(List.of(), parse(PG, "\n-- only a comment\n\n"));
  }
}
