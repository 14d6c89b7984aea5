package io.branchsync.schema.apply;

import io.branchsync.schema.chunk.SqlValue;
import java.util.HexFormat;
import java.util.List;

/**
 * Re-encodes parsed COPY rows for the driver's COPY API, so the server only ever reads rows our
 * parser accepted, never the text as it came over the wire.
 */
final class CopyText {
  private CopyText() {}

  static String encode(List<List<SqlValue>> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 64);
    for (List<SqlValue> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append('\t');
        }
        SqlValue value = row.get(i);
        if (value instanceof SqlValue.Null) {
          out.append("\\N");
        } else {
          escape(plain(value), out);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** A value as plain text: the form COPY and log lines use. */
  static String plain(SqlValue value) {
    if (value instanceof SqlValue.Text t) {
      return t.value();
    }
    if (value instanceof SqlValue.Number n) {
      return n.literal();
    }
    if (value instanceof SqlValue.Bool b) {
      return b.value() ? "t" : "f";
    }
    if (value instanceof SqlValue.Bytes b) {
      return "\\x" + HexFormat.of().formatHex(b.value());
    }
    return "NULL";
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
