package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.CharSource.EOF;

/**
 * MySQL string literals in the default SQL mode, where a backslash escapes.
 *
 * <p>The writer escapes the characters that would end the literal or the line ({@code \ ' NUL LF
 * CR} and Ctrl-Z, which the Windows client takes as end of file); the reader takes the escapes
 * MySQL documents and refuses others, which MySQL would silently turn into the bare letter.
 */
final class MySqlStringCodec {

  private static final char CTRL_Z = 0x1a;

  private MySqlStringCodec() {}

  /** Appends {@code value} as a quoted literal. */
  static void append(String value, StringBuilder out) {
    out.append('\'');
    int start = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      String escape = escapeFor(value.charAt(i));
      if (escape != null) {
        out.append(value, start, i).append(escape);
        start = i + 1;
      }
    }
    out.append(value, start, length).append('\'');
  }

  private static String escapeFor(char c) {
    return switch (c) {
      case '\\' -> "\\\\";
      case '\'' -> "\\'";
      case '\0' -> "\\0";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case CTRL_Z -> "\\Z";
      default -> null;
    };
  }

  /**
   * Reads the rest of a literal whose opening quote was consumed, resolving escapes into {@code
   * text}.
   */
  static void readBody(CharSource src, StringBuilder text) {
    while (true) {
      int c = src.read();
      if (c == '\'') {
        if (src.peek() != '\'') {
          return;
        }
        src.read();
        text.append('\'');
      } else if (c == '\\') {
        readEscape(src, text);
      } else if (c == EOF) {
        throw src.error("unterminated string literal");
      } else {
        text.append((char) c);
      }
    }
  }

  private static void readEscape(CharSource src, StringBuilder text) {
    int c = src.read();
    switch (c) {
      case '0' -> text.append('\0');
      case '\'', '"', '\\' -> text.append((char) c);
      case 'b' -> text.append('\b');
      case 'n' -> text.append('\n');
      case 'r' -> text.append('\r');
      case 't' -> text.append('\t');
      case 'Z' -> text.append(CTRL_Z);
      // MySQL keeps the backslash of \% and \_ so that LIKE patterns survive
      case '%', '_' -> text.append('\\').append((char) c);
      case EOF -> throw src.error("unterminated string literal");
      default -> throw src.error("unsupported escape \\" + printable(c) + " in a MySQL string");
    }
  }

  private static String printable(int c) {
    return c >= 0x20 && c != 0x7f ? String.valueOf((char) c) : String.format("(U+%04X)", c);
  }
}
