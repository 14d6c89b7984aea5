package io.branchsync.schema.apply;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;

/**
 * Re-encodes parsed and typed COPY rows for the driver's COPY API, so the server only ever reads
 * values our parser accepted, in one canonical form, never the text as it came over the wire.
 */
final class CopyText {
  private CopyText() {}

  static String encode(List<List<Object>> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 64);
    for (List<Object> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append('\t');
        }
        Object value = row.get(i);
        if (value == null) {
          out.append("\\N");
        } else {
          escape(text(value), out);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof Boolean bool) {
      return bool ? "t" : "f";
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    return value.toString();
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
