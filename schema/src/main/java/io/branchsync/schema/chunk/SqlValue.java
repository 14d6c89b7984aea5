package io.branchsync.schema.chunk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One literal of a chunk, kept as data: the applier binds it as a JDBC parameter and never pastes
 * it into SQL.
 *
 * <p>Values carry no column type. Timestamps, dates and other textual values are {@link Text}; the
 * applier converts with the column's type, which it knows from the database's metadata.
 */
public sealed interface SqlValue
    permits SqlValue.Null, SqlValue.Text, SqlValue.Number, SqlValue.Bool, SqlValue.Bytes {

  /** The SQL {@code NULL}. */
  SqlValue.Null NULL = new Null();

  /** The boolean {@code TRUE}. */
  SqlValue.Bool TRUE = new Bool(true);

  /** The boolean {@code FALSE}. */
  SqlValue.Bool FALSE = new Bool(false);

  /**
   * The plain texts of a row's key values joined by {@code |}: the one form in which failed rows,
   * conflicts and the change log name a row, so an operator's skip matches what was refused.
   *
   * @param row the row's values
   * @param positions where its key values stand, in key order
   * @return e.g. {@code 42} or {@code 7|A-1}
   */
  static String keyText(List<SqlValue> row, List<Integer> positions) {
    StringBuilder text = new StringBuilder();
    for (int position : positions) {
      text.append(text.length() == 0 ? "" : "|").append(plainText(row.get(position)));
    }
    return text.toString();
  }

  /**
   * The value as plain text, the form COPY data, keys in the change log and log lines use: text as
   * is, numbers as their literal, booleans as {@code t}/{@code f}, bytes as {@code \x} and
   * lowercase hex, NULL as {@code NULL}.
   *
   * @param value any value
   * @return its plain text
   */
  static String plainText(SqlValue value) {
    if (value instanceof Text t) {
      return t.value();
    }
    if (value instanceof Number n) {
      return n.literal();
    }
    if (value instanceof Bool b) {
      return b.value() ? "t" : "f";
    }
    if (value instanceof Bytes b) {
      return "\\x" + b.toHex();
    }
    return "NULL";
  }

  /**
   * A text value.
   *
   * @param value the text, not null
   * @return the value
   */
  static SqlValue.Text text(String value) {
    return new Text(value);
  }

  /**
   * An exact numeric value; scale is kept ({@code 12.50} stays {@code "12.50"}).
   *
   * @param value the number, not null
   * @return the value, written without exponent
   */
  static SqlValue.Number number(BigDecimal value) {
    return new Number(value.toPlainString());
  }

  /**
   * An integer value.
   *
   * @param value the number
   * @return the value
   */
  static SqlValue.Number number(long value) {
    return new Number(Long.toString(value));
  }

  /**
   * A boolean value.
   *
   * @param value the boolean
   * @return {@link #TRUE} or {@link #FALSE}
   */
  static SqlValue.Bool bool(boolean value) {
    return value ? TRUE : FALSE;
  }

  /**
   * A binary value.
   *
   * @param value the bytes, copied
   * @return the value
   */
  static SqlValue.Bytes bytes(byte[] value) {
    return new Bytes(value);
  }

  /** SQL {@code NULL}; use the shared {@link SqlValue#NULL}. */
  record Null() implements SqlValue {
    @Override
    public String toString() {
      return "NULL";
    }
  }

  /**
   * Any textual value: strings, timestamps, dates, intervals, JSON.
   *
   * @param value the text, not null; may be empty
   */
  record Text(String value) implements SqlValue {
    /**
     * Rejects null.
     *
     * @param value the text
     */
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An exact number, kept as its literal so that no digit is lost to a {@code double}.
   *
   * @param literal text matching {@code -?digits(.digits)?([eE][+-]?digits)?}, e.g. {@code
   *     "-12.50"}, {@code "1e10"}, {@code "42"}
   */
  record Number(String literal) implements SqlValue {
    /**
     * Rejects anything but a plain decimal literal.
     *
     * @param literal the literal
     * @throws IllegalArgumentException when the literal has another shape
     */
    public Number {
      Objects.requireNonNull(literal, "literal");
      if (!NumericLiteral.isValid(literal)) {
        throw new IllegalArgumentException("not a numeric literal: '" + literal + "'");
      }
    }

    /**
     * The number as a {@link BigDecimal}.
     *
     * @return the exact value
     */
    public BigDecimal toBigDecimal() {
      return new BigDecimal(literal);
    }
  }

  /**
   * A boolean; use {@link SqlValue#TRUE} and {@link SqlValue#FALSE}.
   *
   * @param value the boolean
   */
  record Bool(boolean value) implements SqlValue {}

  /**
   * Binary data. Compared by content; the array is copied in and out so the value stays immutable.
   *
   * @param value the bytes; may be empty
   */
  record Bytes(byte[] value) implements SqlValue {
    /**
     * Copies the array.
     *
     * @param value the bytes
     */
    public Bytes {
      value = Objects.requireNonNull(value, "value").clone();
    }

    /**
     * A copy of the bytes.
     *
     * @return a fresh array
     */
    @Override
    public byte[] value() {
      return value.clone();
    }

    /**
     * The bytes in lowercase hexadecimal, without prefix.
     *
     * @return for example {@code "deadbeef"}; empty for no bytes
     */
    public String toHex() {
      return HexCodec.encode(value);
    }

    /** Appends the hex form to {@code out} without copying the array. */
    void appendHex(StringBuilder out, boolean upperCase) {
      HexCodec.append(value, out, upperCase);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes bytes && Arrays.equals(value, bytes.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bytes[" + toHex() + "]";
    }
  }
}
