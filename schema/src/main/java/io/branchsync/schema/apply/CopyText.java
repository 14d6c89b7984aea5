package io.branchsync.schema.apply;

import io.branchsync.schema.chunk.SqlValue;
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
          escape(SqlValue.plainText(value), out);
        }
      }
      out.append('\n');
    }
    return out.toString();
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
