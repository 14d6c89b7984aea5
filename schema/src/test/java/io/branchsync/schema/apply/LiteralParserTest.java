package io.branchsync.schema.apply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchsync.schema.catalog.ColumnKind;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.chunk.SqlValue;
import java.math.BigDecimal;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralParserTest {
  private static final ColumnMeta ID = column(ColumnKind.INTEGER, "int8", 19, 0);
  private static final ColumnMeta PRICE = column(ColumnKind.DECIMAL, "numeric", 12, 2);
  private static final ColumnMeta RATE = column(ColumnKind.FLOAT, "float8", 17, 0);
  private static final ColumnMeta ACTIVE = column(ColumnKind.BOOLEAN, "bool", 1, 0);
  private static final ColumnMeta SKU = column(ColumnKind.TEXT, "varchar", 8, 0);
  private static final ColumnMeta AT = column(ColumnKind.TIMESTAMP, "timestamp", 26, 6);
  private static final ColumnMeta AT_ZONED = column(ColumnKind.TIMESTAMP, "timestamptz", 35, 6);
  private static final ColumnMeta DAY = column(ColumnKind.DATE, "date", 10, 0);
  private static final ColumnMeta IMAGE = column(ColumnKind.BINARY, "bytea", 0, 0);

  private static ColumnMeta column(ColumnKind kind, String type, int size, int scale) {
    return new ColumnMeta("c", kind, Types.OTHER, false, type, size, scale, true);
  }

  private static Object parse(ColumnMeta column, SqlValue value) {
    return LiteralParser.parse(column, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2abc", " 2", "0x10", "1.5", "NaN", "", "1e30", "true"})
  void integerColumnTakesDigitsOnly(String text) {
    assertThrows(BadLiteralException.class, () -> parse(ID, SqlValue.text(text)));
  }

  @Test
  void integersArriveAsNumbers() {
    assertEquals(42L, parse(ID, SqlValue.number(42)));
    assertEquals(-7L, parse(ID, SqlValue.text("-7")));
    assertEquals(1000L, parse(ID, new SqlValue.Number("1e3")));
    assertEquals(
        new java.math.BigInteger("18446744073709551615"),
        parse(ID, new SqlValue.Number("18446744073709551615")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NaN",
        "Infinity",
        "-infinity",
        "inf",
        "1,5",
        "12.345",
        "12345678901",
        "1e999999999"
      })
  void decimalColumnRefusesWhatIsNotAFittingNumber(String text) {
    assertThrows(BadLiteralException.class, () -> parse(PRICE, SqlValue.text(text)));
  }

  @Test
  void decimalsKeepTheirDigits() {
    assertEquals(new BigDecimal("9.99"), parse(PRICE, new SqlValue.Number("9.99")));
    assertEquals(new BigDecimal("-0.50"), parse(PRICE, SqlValue.text("-0.50")));
    assertEquals(new BigDecimal("1.230"), parse(PRICE, new SqlValue.Number("1.230")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e400"})
  void floatColumnRefusesNonFiniteValues(String text) {
    assertThrows(BadLiteralException.class, () -> parse(RATE, SqlValue.text(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "on", "off", "y", "2", ""})
  void booleanColumnTakesTrueOrFalseOnly(String text) {
    assertThrows(BadLiteralException.class, () -> parse(ACTIVE, SqlValue.text(text)));
  }

  @Test
  void booleansFromEitherDialect() {
    assertEquals(true, parse(ACTIVE, SqlValue.TRUE));
    assertEquals(false, parse(ACTIVE, SqlValue.text("f")));
    assertEquals(true, parse(ACTIVE, SqlValue.number(1)));
    assertEquals(1L, parse(ID, SqlValue.TRUE));
  }

  @Test
  void textLongerThanTheColumnIsRefused() {
    assertEquals("A-1", parse(SKU, SqlValue.text("A-1")));
    assertEquals("ÄÖÜ😀ÄÖÜ😀", parse(SKU, SqlValue.text("ÄÖÜ😀ÄÖÜ😀")));
    assertThrows(BadLiteralException.class, () -> parse(SKU, SqlValue.text("123456789")));
    assertThrows(BadLiteralException.class, () -> parse(SKU, SqlValue.TRUE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "now",
        "today",
        "tomorrow",
        "epoch",
        "infinity",
        "-infinity",
        "0000-00-00 00:00:00",
        "2026-02-30 10:00:00",
        "2026-13-01 00:00:00",
        "2026-01-01 24:00:00",
        "2026-01-01",
        "2026-01-01 10:00:00+02",
        "20260101 100000",
        "2026-01-01 10:00:00 ; DROP"
      })
  void timestampColumnTakesCalendarTimestampsOnly(String text) {
    assertThrows(BadLiteralException.class, () -> parse(AT, SqlValue.text(text)));
  }

  @Test
  void timestampsAreCanonical() {
    assertEquals(
        "2026-11-26 07:30:59.123456", parse(AT, SqlValue.text("2026-11-26 07:30:59.123456")));
    assertEquals("2026-11-26 07:30:59", parse(AT, SqlValue.text("2026-11-26T07:30:59")));
    assertEquals(
        "2024-02-29 00:00:00+02:00", parse(AT_ZONED, SqlValue.text("2024-02-29 00:00:00+02")));
    assertEquals(
        "2024-02-29 00:00:00+00:00", parse(AT_ZONED, SqlValue.text("2024-02-29 00:00:00Z")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000-00-00",
        "2026-02-30",
        "2025-02-29",
        "today",
        "now",
        "infinity",
        "0000-01-01",
        "2026-1-1"
      })
  void dateColumnTakesCalendarDatesOnly(String text) {
    assertThrows(BadLiteralException.class, () -> parse(DAY, SqlValue.text(text)));
  }

  @Test
  void bytesAsBytesOrHexOnly() {
    assertArrayEquals(
        new byte[] {(byte) 0xde, (byte) 0xad}, (byte[]) parse(IMAGE, SqlValue.text("\\xdead")));
    assertThrows(BadLiteralException.class, () -> parse(IMAGE, SqlValue.text("plain")));
    assertThrows(BadLiteralException.class, () -> parse(IMAGE, SqlValue.text("\\xzz")));
  }

  @Test
  void nullIsLeftToTheDatabase() {
    assertNull(parse(ID, SqlValue.NULL));
  }
}
