package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;

/**
 * The argument of {@code setidstart}: the first id the shop's own inserts will take.
 *
 * <p>Wire shape: an int, or a decimal string for values beyond the 32-bit range of an XML-RPC i4 (a
 * {@code Long} is accepted too, for clients that send i8). Branch ranges start at multiples of
 * 10,000,000, so ranges above branch 213 no longer fit an int.
 *
 * @param value the first id, 1 or more
 */
public record IdStart(long value) {

  private static final String FIELD = "setidstart.id";

  /** Longest decimal string a positive {@code long} can take. */
  private static final int MAX_DIGITS = 19;

  /**
   * Checks every field. Messages start with the wire field name, so that {@code fromWire} can
   * report them as they are.
   *
   * @param value the first id, 1 or more
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public IdStart {
    if (value < 1) {
      throw invalid("id", "must be 1 or more, got " + value);
    }
  }

  /**
   * The value to pass as the argument of {@code setidstart}: an int when it fits, otherwise a
   * decimal string, so that a strict XML-RPC peer without the i8 extension can read it.
   *
   * @return an {@link Integer} or a {@link String}
   */
  public Object toWire() {
    return value <= Integer.MAX_VALUE ? (Object) (int) value : Long.toString(value);
  }

  /**
   * Reads the argument of {@code setidstart} as received by the shop.
   *
   * @param wire an {@link Integer}, a {@link Long} or a string of decimal digits
   * @return the start id
   * @throws ProtocolException {@link FaultCode#BAD_ARGUMENT} naming {@code id}
   */
  public static IdStart fromWire(Object wire) {
    long value;
    if (wire instanceof Integer i) {
      value = i;
    } else if (wire instanceof Long l) {
      value = l;
    } else if (wire instanceof String s) {
      value = parseDecimal(s);
    } else {
      throw bad("must be int or decimal string, got " + WireFields.typeOf(wire));
    }
    if (value < 1) {
      throw bad("must be 1 or more, got " + value);
    }
    return new IdStart(value);
  }

  private static long parseDecimal(String text) {
    // Digits only: no sign, spaces, underscores or exponent, so that what the operator typed is
    // exactly the number applied.
    if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(IdStart::isDigit)) {
      throw bad("must be decimal digits, got '" + abbreviate(text) + "'");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw bad("too large, got '" + text + "'");
    }
  }

  private static boolean isDigit(int c) {
    // Character.isDigit would also accept other scripts' digits, which Long.parseLong reads too.
    return c >= '0' && c <= '9';
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static ProtocolException bad(String problem) {
    return new ProtocolException(FaultCode.BAD_ARGUMENT, FIELD + ": " + problem);
  }
}
