package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.bytes;
import static io.branchsync.schema.chunk.ChunkAssertions.num;
import static io.branchsync.schema.chunk.ChunkAssertions.parse;
import static io.branchsync.schema.chunk.ChunkAssertions.parseOne;
import static io.branchsync.schema.chunk.ChunkAssertions.roundTrip;
import static io.branchsync.schema.chunk.ChunkAssertions.row;
import static io.branchsync.schema.chunk.ChunkAssertions.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlChunkParserTest {

  private static final SqlDialect MY = SqlDialect.MYSQL;

  @Test
  void readsTheWritersUpsertWithKeysFromTheColumnsNotUpdated() {
    ChunkStatement parsed =
        parseOne(
            MY,
            "INSERT INTO `tag` (`a`, `b`, `c`) VALUES (1, 'x', NULL), (2, 'y', TRUE)"
                + " ON DUPLICATE KEY UPDATE `c` = VALUES(`c`);\n");
    assertEquals(
        new Upsert(
            "tag",
            List.of("a", "b", "c"),
            List.of("a", "b"),
            List.of(
                row(num("1"), text("x"), SqlValue.NULL), row(num("2"), text("y"), SqlValue.TRUE)),
            1),
        parsed);
  }

  @Test
  void readsSelfAssignmentAsAllColumnsKey() {
    ChunkStatement parsed =
        parseOne(
            MY, "INSERT INTO `t` (`a`, `b`) VALUES (1, 'x') ON DUPLICATE KEY UPDATE `b` = `b`;");
    assertEquals(List.of("a", "b"), ((Upsert) parsed).keyColumns());
  }

  @Test
  void acceptsAnyWhitespaceCommentsKeywordCaseAndUnquotedNames() {
    String chunk =
        "-- chunk\n\ninsert into person(id,`name`)values(1,'Ann')\n"
            + "--\ton duplicate\n on duplicate key update name=values(`name`) ;"
            + " delete from person where(id,`name`)in((1,'x'));\n--";
    List<ChunkStatement> statements = parse(MY, chunk);
    assertEquals(
        new Upsert(
            "person", List.of("id", "name"), List.of("id"), List.of(row(num("1"), text("Ann"))), 3),
        statements.get(0));
    assertEquals(
        new DeleteByKey("person", List.of("id", "name"), List.of(row(num("1"), text("x"))), 5),
        statements.get(1));
  }

  @Test
  void roundTripsEveryStatementKind() {
    Upsert upsert =
        new Upsert(
            "payment",
            List.of("id", "sale_id", "amount", "paid_at"),
            List.of("id"),
            List.of(row(num("1"), num("2"), num("10.00"), text("2024-01-31 23:59:59.123456"))));
    Upsert allKey =
        new Upsert("tag", List.of("a", "b"), List.of("a", "b"), List.of(row(num("1"), text("x"))));
    DeleteByKey single =
        new DeleteByKey("person", List.of("id"), List.of(row(num("7")), row(num("8"))));
    DeleteByKey composite =
        new DeleteByKey(
            "tag", List.of("a", "b"), List.of(row(num("1"), text("x")), row(num("2"), bytes(0))));
    for (ChunkStatement statement : List.of(upsert, allKey, single, composite)) {
      assertEquals(statement, roundTrip(MY, statement));
    }
  }

  @Test
  void valuesSurviveAsData() {
    List<SqlValue> values =
        List.of(
            text("'; DROP TABLE x; --"),
            text("it's \"quoted\""),
            text("back\\slash\\"),
            text("\\' sneaky"),
            text("nul\0byte"),
            text("ctrl-z \u001a"),
            text("Ünïcödé 中文 😀 👍🏽"),
            text("line\nbreak\r\n\ttab\b"),
            text(""),
            text("NULL"),
            text("100% _like_ \\% \\_"),
            SqlValue.NULL,
            SqlValue.TRUE,
            SqlValue.FALSE,
            num("12345678901234567890.123456789"),
            num("-1E+5"),
            bytes(0x00, 0x27, 0x5c, 0xff),
            bytes());
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      columns.add("c" + i);
    }
    Upsert upsert = new Upsert("t", columns, List.of("c0"), List.of(values));
    assertEquals(upsert, roundTrip(MY, upsert));
    DeleteByKey delete =
        new DeleteByKey("t", List.of("k"), values.stream().map(v -> row(v)).toList());
    assertEquals(delete, roundTrip(MY, delete));
  }

  @Test
  void readsEveryDocumentedEscape() {
    DeleteByKey parsed =
        (DeleteByKey)
            parseOne(
                MY,
                "DELETE FROM t WHERE k IN ('\\0\\'\\\"\\b\\n"
                    + "\\r"
                    + "\\t\\Z\\\\\\%\\_', 'it''s', x'', X'00Ff');");
    assertEquals(
        List.of(
            row(text("\0'\"\b\n\r\t\u001a\\\\%\\_")),
            row(text("it's")),
            row(bytes()),
            row(bytes(0x00, 0xff))),
        parsed.keys());
  }

  @Test
  void readsRawLineBreaksInsideStrings() {
    List<ChunkStatement> statements =
        parse(MY, "DELETE FROM t WHERE k IN ('a\nb');\nDELETE FROM t WHERE k IN (1);");
    assertEquals(row(text("a\nb")), ((DeleteByKey) statements.get(0)).keys().get(0));
    assertEquals(3, statements.get(1).line());
  }
}
