package io.branchsync.protocol;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The row an {@code APPLY_FAILED} fault is about, in a form the receiver reads back exactly. An
 * XML-RPC fault carries only a code and a string, so the string holds one line {@code rejected-row:
 * [table=T&key=K&other=O]} ({@code other} optional), each value URL-encoded: a key holding spaces,
 * colons, {@code |} or any other character comes back as it was sent, where reading it out of the
 * human text could not tell where the key ends. The brackets end the row's part even when more
 * words follow it on that line ({@code ]} is always encoded inside).
 *
 * @param table the table
 * @param key the row's key as text, parts joined by {@code |}
 * @param otherKey the key of the row holding a unique value this one needs, or null
 */
public record RejectedRow(String table, String key, String otherKey) {

  private static final String MARK = "\nrejected-row: [";
  private static final char END = ']';

  public RejectedRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
  }

  /**
   * The fault text: {@code message} and this row's line.
   *
   * @param message what a person reads: table, key and reason in words
   * @return the text to send as the fault string
   */
  public String appendTo(String message) {
    return message
        + MARK
        + "table="
        + encode(table)
        + "&key="
        + encode(key)
        + (otherKey == null ? "" : "&other=" + encode(otherKey))
        + END;
  }

  /**
   * The row a fault text names.
   *
   * @param faultText a fault string, possibly made by {@link #appendTo}
   * @return the row, or empty when the text has no such line (or a malformed one)
   */
  public static Optional<RejectedRow> in(String faultText) {
    int at = faultText == null ? -1 : faultText.lastIndexOf(MARK);
    int end = at < 0 ? -1 : faultText.indexOf(END, at + MARK.length());
    if (end < 0) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : faultText.substring(at + MARK.length(), end).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        try {
          fields.put(
              pair.substring(0, equals),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
      }
    }
    if (fields.get("table") == null || fields.get("key") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RejectedRow(fields.get("table"), fields.get("key"), fields.get("other")));
  }

  /**
   * The fault text without the row's part: what a person reads.
   *
   * @param faultText a fault string
   * @return the words before and after the row's part, or the whole text when it has none
   */
  public static String withoutLine(String faultText) {
    int at = faultText == null ? -1 : faultText.lastIndexOf(MARK);
    int end = at < 0 ? -1 : faultText.indexOf(END, at + MARK.length());
    return end < 0 ? faultText : faultText.substring(0, at) + faultText.substring(end + 1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
