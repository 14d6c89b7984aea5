package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.ChunkAssertions.num;
import static io.branchsync.schema.chunk.ChunkAssertions.row;
import static io.branchsync.schema.chunk.ChunkAssertions.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkModelTest {

  @Test
  void dialectsHaveWireNames() {
    assertEquals(SqlDialect.POSTGRESQL, SqlDialect.fromWire("postgresql"));
    assertEquals(SqlDialect.MYSQL, SqlDialect.fromWire("mysql"));
    assertEquals("mysql", SqlDialect.MYSQL.wireName());
    assertThrows(IllegalArgumentException.class, () -> SqlDialect.fromWire("oracle"));
    assertThrows(IllegalArgumentException.class, () -> SqlDialect.fromWire("MySQL"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "42",
        "-12.50",
        "1e10",
        "1E+10",
        "-3.5e-7",
        "007",
        "12345678901234567890.123456789"
      })
  void numberKeepsItsLiteral(String literal) {
    assertEquals(literal, num(literal).literal());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "+1",
        "1.",
        ".5",
        "1e",
        "1e+",
        "0x1F",
        "1,5",
        "NaN",
        "Infinity",
        " 1",
        "1 ",
        "1-2",
        "--1"
      })
  void numberRejectsAnythingButADecimalLiteral(String literal) {
    assertThrows(IllegalArgumentException.class, () -> num(literal));
  }

  @Test
  void numberFactoriesKeepScaleAndAvoidExponents() {
    assertEquals("12.50", SqlValue.number(new BigDecimal("12.50")).literal());
    assertEquals("10000000000", SqlValue.number(new BigDecimal("1E+10")).literal());
    assertEquals("-7", SqlValue.number(-7).literal());
    assertEquals(new BigDecimal("-12.50"), num("-12.50").toBigDecimal());
  }

  @Test
  void bytesCompareByContentAndStayImmutable() {
    byte[] raw = {0, 0x27, 0x5c};
    SqlValue.Bytes bytes = SqlValue.bytes(raw);
    raw[0] = 9;
    assertEquals(SqlValue.bytes(new byte[] {0, 0x27, 0x5c}), bytes);
    assertEquals(SqlValue.bytes(new byte[] {0, 0x27, 0x5c}).hashCode(), bytes.hashCode());
    bytes.value()[1] = 9;
    assertArrayEquals(new byte[] {0, 0x27, 0x5c}, bytes.value());
    assertEquals("00275c", bytes.toHex());
    assertNotEquals(SqlValue.bytes(new byte[0]), bytes);
  }

  @Test
  void nullIsNotTheTextNull() {
    assertNotEquals(SqlValue.NULL, text("NULL"));
    assertEquals(SqlValue.NULL, new SqlValue.Null());
    assertEquals(SqlValue.TRUE, SqlValue.bool(true));
  }

  @Test
  void upsertStoresKeyColumnsInColumnOrder() {
    Upsert upsert =
        new Upsert(
            "t",
            List.of("a", "b", "c"),
            List.of("c", "a"),
            List.of(row(num("1"), text("x"), num("2"))));
    assertEquals(List.of("a", "c"), upsert.keyColumns());
    assertEquals(List.of("b"), upsert.updateColumns());
    assertEquals(0, upsert.line());
    assertEquals(7, upsert.withLine(7).line());
    assertEquals(upsert, upsert.withLine(7).withLine(0));
  }

  @Test
  void upsertRejectsKeyColumnNotAmongColumns() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Upsert("t", List.of("a", "b"), List.of("id"), List.of(row(num("1"), num("2")))));
  }

  @Test
  void statementsRejectWrongArityAndEmptyRows() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Upsert("t", List.of("a", "b"), List.of("a"), List.of(row(num("1")))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Upsert("t", List.of("a"), List.of("a"), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DeleteByKey("t", List.of("a", "b"), List.of(row(num("1")))));
    assertEquals(0, new CopyBlock("t", List.of("a"), List.of()).rowCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "a b", "s.t", "a\"b", "a`b", "é", "a-b", "a$"})
  void statementsRejectOddNames(String name) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DeleteByKey(name, List.of("id"), List.of(row(num("1")))));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DeleteByKey("t", List.of(name), List.of(row(num("1")))));
  }

  @Test
  void statementsRejectDuplicateColumnsIgnoringCase() {
    assertThrows(
        IllegalArgumentException.class, () -> new CopyBlock("t", List.of("id", "ID"), List.of()));
  }

  @Test
  void statementsRejectMoreThanTheRowAndColumnLimits() {
    List<List<SqlValue>> rows = Collections.nCopies(ChunkStatement.MAX_ROWS + 1, row(num("1")));
    assertThrows(IllegalArgumentException.class, () -> new DeleteByKey("t", List.of("id"), rows));
    List<String> columns = new ArrayList<>();
    for (int i = 0; i <= ChunkStatement.MAX_COLUMNS; i++) {
      columns.add("c" + i);
    }
    assertThrows(IllegalArgumentException.class, () -> new CopyBlock("t", columns, List.of()));
    assertEquals(
        ChunkStatement.MAX_ROWS,
        new DeleteByKey("t", List.of("id"), rows.subList(1, rows.size())).rowCount());
  }

  @Test
  void statementsCopyTheirLists() {
    List<String> columns = new ArrayList<>(List.of("a"));
    List<List<SqlValue>> rows = new ArrayList<>(List.of(row(num("1"))));
    CopyBlock copy = new CopyBlock("t", columns, rows);
    columns.add("b");
    rows.clear();
    assertEquals(List.of("a"), copy.columns());
    assertEquals(1, copy.rows().size());
    assertThrows(UnsupportedOperationException.class, () -> copy.rows().add(row(num("2"))));
  }
}
