package io.branchsync.schema.chunk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Fields of PostgreSQL's COPY text format, as pg_dump writes them: tab between fields, {@code \N}
 * for NULL, backslash escapes for the characters that would break a line.
 *
 * <p>Decoding accepts the escapes PostgreSQL documents, including octal and hex byte escapes, which
 * are taken as UTF-8 (the encoding chunks are sent in). Backslash followed by anything else fails
 * rather than silently dropping the backslash.
 */
final class CopyTextCodec {

  private CopyTextCodec() {}

  /** Appends one field; {@code out} gets no tab or newline. */
  static void appendField(SqlValue value, StringBuilder out) {
    if (value instanceof SqlValue.Text t) {
      appendText(t.value(), out);
    } else if (value instanceof SqlValue.Number n) {
      out.append(n.literal());
    } else if (value instanceof SqlValue.Bool b) {
      out.append(b.value() ? 't' : 'f');
    } else if (value instanceof SqlValue.Bytes b) {
      // the bytea hex form \x..., whose backslash COPY text must double
      b.appendHex(out.append("\\\\x"), false);
    } else {
      out.append("\\N");
    }
  }

  private static void appendText(String value, StringBuilder out) {
    int start = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      char escape = escapeFor(c);
      if (escape != 0) {
        out.append(value, start, i).append('\\').append(escape);
        start = i + 1;
      } else if (c == 0) {
        throw new IllegalArgumentException("PostgreSQL text cannot hold NUL (U+0000)");
      }
    }
    out.append(value, start, length);
  }

  private static char escapeFor(char c) {
    return switch (c) {
      case '\\' -> '\\';
      case '\t' -> 't';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\b' -> 'b';
      case '\f' -> 'f';
      case 0x0b -> 'v';
      default -> 0;
    };
  }

  /**
   * Splits one data line (without its newline) into {@code fields.length} values.
   *
   * @throws IllegalArgumentException naming what is wrong with the line
   */
  static void decodeRow(CharSequence line, SqlValue[] fields, Decoder decoder) {
    int start = 0;
    for (int f = 0; f < fields.length; f++) {
      int end = indexOfTab(line, start);
      if (end < 0) {
        end = line.length();
        if (f != fields.length - 1) {
          throw new IllegalArgumentException(
              "row has " + (f + 1) + " fields, expected " + fields.length);
        }
      } else if (f == fields.length - 1) {
        throw new IllegalArgumentException("row has more than " + fields.length + " fields");
      }
      fields[f] = decoder.field(line, start, end);
      start = end + 1;
    }
  }

  private static int indexOfTab(CharSequence line, int from) {
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }

  /** Decodes fields with reused buffers; one per reader, not thread-safe. */
  static final class Decoder {
    private final StringBuilder text = new StringBuilder();
    private ByteBuffer bytes = ByteBuffer.allocate(64);
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    SqlValue field(CharSequence line, int start, int end) {
      if (end - start == 2 && line.charAt(start) == '\\' && line.charAt(start + 1) == 'N') {
        return SqlValue.NULL;
      }
      int backslash = start;
      while (backslash < end && line.charAt(backslash) != '\\') {
        backslash++;
      }
      if (backslash == end) {
        return new SqlValue.Text(line.subSequence(start, end).toString());
      }
      text.setLength(0);
      text.append(line, start, backslash);
      int i = backslash;
      while (i < end) {
        char c = line.charAt(i);
        if (c != '\\') {
          flushBytes();
          text.append(c);
          i++;
        } else {
          i = escape(line, i + 1, end);
        }
      }
      flushBytes();
      return new SqlValue.Text(text.toString());
    }

    /** Resolves the escape after a backslash at {@code i - 1}; returns the index after it. */
    private int escape(CharSequence line, int i, int end) {
      if (i == end) {
        throw new IllegalArgumentException("field ends with a lone backslash");
      }
      char c = line.charAt(i);
      if (c >= '0' && c <= '7') {
        return octal(line, i, end);
      }
      if (c == 'x' && i + 1 < end && HexCodec.digit(line.charAt(i + 1)) >= 0) {
        return hex(line, i + 1, end);
      }
      char plain =
          switch (c) {
            case '\\' -> '\\';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> 0x0b;
            default ->
                throw new IllegalArgumentException(
                    "unsupported escape \\"
                        + c
                        + (c == 'N' ? " (\\N means NULL only as a whole field)" : ""));
          };
      flushBytes();
      text.append(plain);
      return i + 1;
    }

    private int octal(CharSequence line, int i, int end) {
      int value = 0;
      int j = i;
      while (j < end && j < i + 3 && line.charAt(j) >= '0' && line.charAt(j) <= '7') {
        value = value * 8 + (line.charAt(j) - '0');
        j++;
      }
      addByte(value);
      return j;
    }

    private int hex(CharSequence line, int i, int end) {
      int value = HexCodec.digit(line.charAt(i));
      int j = i + 1;
      if (j < end && HexCodec.digit(line.charAt(j)) >= 0) {
        value = value * 16 + HexCodec.digit(line.charAt(j));
        j++;
      }
      addByte(value);
      return j;
    }

    private void addByte(int value) {
      if (value == 0 || value > 0xff) {
        throw new IllegalArgumentException(
            value == 0 ? "NUL is not allowed in PostgreSQL text" : "octal escape above \\377");
      }
      if (!bytes.hasRemaining()) {
        // grow rather than flush: a flush could split a UTF-8 sequence
        ByteBuffer larger = ByteBuffer.allocate(bytes.capacity() * 2);
        bytes.flip();
        bytes = larger.put(bytes);
      }
      bytes.put((byte) value);
    }

    /** Turns a run of byte escapes into text; the run spells UTF-8 as a whole. */
    private void flushBytes() {
      if (bytes.position() == 0) {
        return;
      }
      bytes.flip();
      try {
        CharBuffer chars = utf8.reset().decode(bytes);
        text.append(chars);
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("octal or hex escapes are not valid UTF-8");
      } finally {
        bytes.clear();
      }
    }
  }
}
