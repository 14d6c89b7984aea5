package io.branchsync.schema.apply;

import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.chunk.SqlValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Parses a received literal into its column's type with our own rules, before anything reaches the
 * database. Databases are lenient in ways a sender could use: MySQL reads {@code '2abc'} as 2 in a
 * comparison, PostgreSQL reads {@code 'NaN'}, {@code 'now'} or {@code 'yes'} as values. Here a
 * number is digits, a boolean is true or false, a date is a calendar date; anything else is a
 * {@link BadLiteralException}. NULL passes through: whether a column takes it is the database's
 * call, reported as a refused row.
 *
 * <p>Results by kind: INTEGER a {@link Long} (a {@link BigInteger} past its range), DECIMAL a
 * {@link BigDecimal}, FLOAT a {@link Double}, BOOLEAN a {@link Boolean}, BINARY a byte array, and a
 * {@link String} for the rest (dates and times in a canonical form).
 */
final class LiteralParser {
  /** More digits than any integer column holds (an unsigned BIGINT has 20). */
  private static final int MAX_INTEGER_DIGITS = 20;

  /** PostgreSQL reports an unconstrained numeric with this precision or more. */
  private static final int UNCONSTRAINED_PRECISION = 1000;

  private LiteralParser() {}

  /** The typed value, or null for NULL. */
  static Object parse(ColumnMeta column, SqlValue value) {
    if (value instanceof SqlValue.Null) {
      return null;
    }
    return switch (column.kind()) {
      case INTEGER -> integer(value);
      case DECIMAL -> decimal(column, value);
      case FLOAT -> floating(value);
      case BOOLEAN -> bool(value);
      case TEXT -> text(column, value);
      case TIMESTAMP -> TemporalLiterals.timestamp(textOf(value, "a timestamp"), zoned(column));
      case DATE -> TemporalLiterals.date(textOf(value, "a date"));
      case TIME -> TemporalLiterals.time(textOf(value, "a time"), zoned(column));
      case BINARY -> bytes(value);
      case OTHER -> other(value);
    };
  }

  private static Object integer(SqlValue value) {
    if (value instanceof SqlValue.Bool bool) {
      // a boolean kept as a small integer by the other dialect
      return bool.value() ? 1L : 0L;
    }
    BigDecimal number = exactNumber(value, "an integer");
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      throw new BadLiteralException("not an integer");
    }
    if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
      throw new BadLiteralException("an integer out of range");
    }
    BigInteger integer = number.toBigIntegerExact();
    return integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
  }

  private static BigDecimal decimal(ColumnMeta column, SqlValue value) {
    BigDecimal number = exactNumber(value, "a decimal number");
    int precision = column.size();
    if (precision > 0 && precision < UNCONSTRAINED_PRECISION) {
      BigDecimal plain = number.stripTrailingZeros();
      int fraction = Math.max(0, plain.scale());
      int whole = Math.max(0, plain.precision() - plain.scale());
      if (fraction > column.scale() || whole > precision - column.scale()) {
        throw new BadLiteralException(
            "does not fit numeric(" + precision + "," + column.scale() + ")");
      }
    } else if (number.precision() - number.scale() > UNCONSTRAINED_PRECISION) {
      throw new BadLiteralException("a number out of range");
    }
    return number;
  }

  private static Double floating(SqlValue value) {
    double number = exactNumber(value, "a number").doubleValue();
    if (Double.isInfinite(number)) {
      throw new BadLiteralException("a number out of range");
    }
    return number;
  }

  /** Digits only: {@code NaN}, {@code Infinity}, {@code 2abc}, hex and spaces are refused. */
  private static BigDecimal exactNumber(SqlValue value, String what) {
    String literal;
    if (value instanceof SqlValue.Number number) {
      literal = number.literal();
    } else if (value instanceof SqlValue.Text text) {
      literal = text.value();
    } else {
      throw new BadLiteralException("not " + what);
    }
    try {
      // the Number record accepts exactly the chunk grammar's numeric literals
      return new SqlValue.Number(literal).toBigDecimal();
    } catch (IllegalArgumentException e) {
      throw new BadLiteralException("not " + what);
    }
  }

  private static Boolean bool(SqlValue value) {
    if (value instanceof SqlValue.Bool bool) {
      return bool.value();
    }
    String text =
        value instanceof SqlValue.Number n
            ? n.literal()
            : value instanceof SqlValue.Text t ? t.value().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "t", "true", "1" -> Boolean.TRUE;
      case "f", "false", "0" -> Boolean.FALSE;
      default -> throw new BadLiteralException("not a boolean (true or false)");
    };
  }

  private static String text(ColumnMeta column, SqlValue value) {
    String text = textOf(value, "text");
    boolean bounded = column.typeName().contains("char") && column.size() > 0;
    if (bounded && text.codePointCount(0, text.length()) > column.size()) {
      throw new BadLiteralException("longer than the column's " + column.size() + " characters");
    }
    return text;
  }

  private static String textOf(SqlValue value, String what) {
    if (value instanceof SqlValue.Text text) {
      return text.value();
    }
    if (value instanceof SqlValue.Number number && "text".equals(what)) {
      return number.literal();
    }
    throw new BadLiteralException("not " + what);
  }

  private static byte[] bytes(SqlValue value) {
    if (value instanceof SqlValue.Bytes bytes) {
      return bytes.value();
    }
    // COPY text and the other dialect's chunks carry binary as bytea hex text
    if (value instanceof SqlValue.Text text && text.value().startsWith("\\x")) {
      try {
        return HexFormat.of().parseHex(text.value(), 2, text.value().length());
      } catch (IllegalArgumentException e) {
        throw new BadLiteralException("not hexadecimal bytes");
      }
    }
    throw new BadLiteralException("not bytes (X'..' or '\\x..')");
  }

  /** Types we have no parser for (json, uuid, enums, intervals): text the database checks. */
  private static String other(SqlValue value) {
    if (value instanceof SqlValue.Text || value instanceof SqlValue.Number) {
      return SqlValue.plainText(value);
    }
    throw new BadLiteralException("not text");
  }

  private static boolean zoned(ColumnMeta column) {
    return column.typeName().contains("tz") || column.typeName().contains("time zone");
  }
}
