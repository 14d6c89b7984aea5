package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.assertRejected;
import static io.branchsync.schema.chunk.ChunkAssertions.bytes;
import static io.branchsync.schema.chunk.ChunkAssertions.num;
import static io.branchsync.schema.chunk.ChunkAssertions.parse;
import static io.branchsync.schema.chunk.ChunkAssertions.parseOne;
import static io.branchsync.schema.chunk.ChunkAssertions.row;
import static io.branchsync.schema.chunk.ChunkAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyBlockTest {

  private static final SqlDialect PG = SqlDialect.POSTGRESQL;
  private static final String HEADER = "COPY \"t\" (\"a\", \"b\") FROM stdin;";

  @Test
  void readsTypedValuesBackAsTheirText() {
    CopyBlock written =
        new CopyBlock(
            "t",
            List.of("a", "b", "c", "d", "e"),
            List.of(
                row(
                    num("-12.50"),
                    SqlValue.TRUE,
                    SqlValue.FALSE,
                    bytes(0x00, 0x27, 0x5c),
                    SqlValue.NULL)));
    String sql = SqlChunkWriter.forDialect(PG).toSql(written);
    CopyBlock parsed = (CopyBlock) parseOne(PG, sql);
    assertEquals(
        List.of(row(text("-12.50"), text("t"), text("f"), text("\\x00275c"), SqlValue.NULL)),
        parsed.rows());
  }

  @Test
  void tellsNullFromTheTextBackslashN() {
    CopyBlock copy =
        new CopyBlock(
            "t",
            List.of("a", "b", "c"),
            List.of(
                row(SqlValue.NULL, text("\\N"), text("")),
                row(text("NULL"), text("\\."), text("\\"))));
    assertEquals(copy, ChunkAssertions.roundTrip(PG, copy));
  }

  @Test
  void keepsEmptyLinesAsRowsOfOneEmptyField() {
    CopyBlock copy =
        new CopyBlock("t", List.of("a"), List.of(row(text("")), row(text("")), row(SqlValue.NULL)));
    String sql = SqlChunkWriter.forDialect(PG).toSql(copy);
    assertEquals("COPY \"t\" (\"a\") FROM stdin;\n\n\n\\N\n\\.\n", sql);
    assertEquals(copy, ChunkAssertions.roundTrip(PG, copy));
  }

  @Test
  void readsOctalAndHexEscapesAsUtf8() {
    CopyBlock parsed =
        (CopyBlock)
            parseOne(
                PG,
                HEADER
                    + "\n"
                    + "\\303\\251t\\xC3\\xa9\\101\\x41\\7\tcaf\\303\\251 \\342\\202\\254\\b\\f\\v\n"
                    + "\\.\n");
    assertEquals(List.of(row(text("été" + "AA\u0007"), text("café €\b\f\u000b"))), parsed.rows());
  }

  @Test
  void readsAnEmptyBlockAndBlocksBetweenStatements() {
    List<ChunkStatement> statements =
        parse(
            PG,
            "-- provisioning\n"
                + HEADER
                + "  \n\\.\n"
                + "COPY t (a) FROM STDIN;\nx\n\\.\nDELETE FROM t WHERE a IN (1);");
    assertEquals(new CopyBlock("t", List.of("a", "b"), List.of(), 2), statements.get(0));
    assertEquals(new CopyBlock("t", List.of("a"), List.of(row(text("x"))), 4), statements.get(1));
    assertEquals(7, statements.get(2).line());
  }

  @Test
  void acceptsTheEndMarkerAtTheEndOfTheChunk() {
    assertEquals(1, parseOne(PG, HEADER + "\n1\t2\n\\.").rowCount());
  }

  @Test
  void rejectsRowsWithTheWrongNumberOfFields() {
    assertRejected(
        PG,
        "-- load\n" + HEADER + "\n1\t2\n1\n\\.\n",
        2,
        HEADER,
        "COPY data at line 4: row has 1 fields, expected 2");
    assertRejected(
        PG,
        HEADER + "\n1\t2\t3\n\\.\n",
        1,
        HEADER,
        "COPY data at line 2: row has more than 2 fields");
  }

  @Test
  void rejectsDataWithoutEndMarker() {
    assertRejected(PG, HEADER + "\n1\t2\n", 1, HEADER, "COPY data ends without a \\. line");
    assertRejected(
        PG, HEADER + "\n1\t2\n\\.x\n", 1, HEADER, "COPY data at line 3: row has 1 fields");
  }

  @Test
  void rejectsDataOnTheHeaderLine() {
    assertRejected(
        PG,
        HEADER + " 1\t2\n\\.\n",
        1,
        HEADER,
        "COPY data must start on the line after FROM stdin;");
    assertRejected(
        PG, HEADER + " -- comment\n\\.\n", 1, HEADER, "COPY data must start on the line after");
  }

  @Test
  void rejectsEscapesPostgresWouldReadDifferently() {
    assertRejected(PG, HEADER + "\na\\q\tb\n\\.\n", 1, HEADER, "unsupported escape \\q");
    assertRejected(
        PG, HEADER + "\nx\\N\tb\n\\.\n", 1, HEADER, "\\N means NULL only as a whole field");
    assertRejected(PG, HEADER + "\na\\\tb\n\\.\n", 1, HEADER, "lone backslash");
    assertRejected(PG, HEADER + "\na\tb\\\n\\.\n", 1, HEADER, "lone backslash");
    assertRejected(PG, HEADER + "\na\\000\tb\n\\.\n", 1, HEADER, "NUL is not allowed");
    assertRejected(PG, HEADER + "\na\\777\tb\n\\.\n", 1, HEADER, "above \\377");
    assertRejected(PG, HEADER + "\n\\303\tb\n\\.\n", 1, HEADER, "not valid UTF-8");
    assertRejected(PG, HEADER + "\na\r\tb\n\\.\n", 1, HEADER, "carriage return");
  }

  @Test
  void rejectsMoreRowsThanTheLimit() {
    StringBuilder chunk = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i <= ChunkStatement.MAX_ROWS; i++) {
      chunk.append(i).append('\t').append(i).append('\n');
    }
    chunk.append("\\.\n");
    assertRejected(PG, chunk.toString(), 1, HEADER, "more than 10000 rows in one COPY block");
  }

  @Test
  void streamsLargeBlocksThroughTheWriter() {
    List<List<SqlValue>> rows = new ArrayList<>();
    for (int i = 0; i < ChunkStatement.MAX_ROWS; i++) {
      rows.add(row(text(Integer.toString(i)), text("name\t" + i)));
    }
    CopyBlock copy = new CopyBlock("t", List.of("a", "b"), rows);
    assertEquals(copy, ChunkAssertions.roundTrip(PG, copy));
  }
}
