package io.branchsync.schema.apply;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Typed values as text for comparing keys and naming rows: numbers without trailing zeros, so the 1
 * a database hands back and the 1.0 a chunk sent are one key; bytes as hex.
 */
final class KeyText {
  private KeyText() {}

  static String of(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
      BigDecimal number = new BigDecimal(value.toString()).stripTrailingZeros();
      return number.signum() == 0 ? "0" : number.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }

  /** Several values joined by {@code |}, the form failed rows and faults name keys in. */
  static String of(List<?> values) {
    return values.stream().map(KeyText::of).collect(Collectors.joining("|"));
  }

  /**
   * A looser form for deciding whether a database might take two values as equal: a
   * case-insensitive collation or MySQL's trailing-space padding would. Being loose only ever moves
   * one row more out of the way, never one less.
   */
  static String loose(Object value) {
    return value instanceof String text ? text.toLowerCase(Locale.ROOT).stripTrailing() : of(value);
  }
}
