package io.branchsync.schema.chunk;

/**
 * Hexadecimal for {@code bytea} (lowercase, as PostgreSQL prints it) and MySQL {@code X''}
 * literals.
 */
final class HexCodec {

  private static final char[] LOWER = "0123456789abcdef".toCharArray();
  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  private HexCodec() {}

  static void append(byte[] bytes, StringBuilder out, boolean upperCase) {
    char[] digits = upperCase ? UPPER : LOWER;
    out.ensureCapacity(out.length() + bytes.length * 2);
    for (byte b : bytes) {
      out.append(digits[(b >> 4) & 0xF]).append(digits[b & 0xF]);
    }
  }

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    append(bytes, out, false);
    return out.toString();
  }

  /**
   * Decodes {@code s[from, s.length())}, either case.
   *
   * @return the bytes, or {@code null} when the text is not an even number of hex digits
   */
  static byte[] decode(CharSequence s, int from) {
    int length = s.length() - from;
    if (length < 0 || length % 2 != 0) {
      return null;
    }
    byte[] bytes = new byte[length / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = digit(s.charAt(from + 2 * i));
      int low = digit(s.charAt(from + 2 * i + 1));
      if (high < 0 || low < 0) {
        return null;
      }
      bytes[i] = (byte) ((high << 4) | low);
    }
    return bytes;
  }

  static int digit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
