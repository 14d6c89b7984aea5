package io.branchsync.shop.internal.service;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's {@code diff} cursor: {@code ""} for the beginning, or {@code c1:<seq>}, the last
 * change-log position the office received. Opaque to the office; the {@code c1} names this format,
 * so a later one can be told apart.
 *
 * @param seq the change-log position, 0 for the beginning
 */
public record DiffCursor(long seq) {

  private static final String PREFIX = "c1:";
  // Up to 18 digits always fits a long; no sign, no leading zeros but for 0 itself.
  private static final Pattern FORMAT = Pattern.compile("c1:(0|[1-9][0-9]{0,17})");

  /**
   * Reads a cursor sent by the office.
   *
   * @param since the {@code since} argument of {@code diff}
   * @return the cursor
   * @throws ProtocolException {@link FaultCode#BAD_CURSOR} if this shop could not have issued it
   */
  public static DiffCursor parse(String since) {
    if (since.isEmpty()) {
      return new DiffCursor(0);
    }
    Matcher m = FORMAT.matcher(since);
    if (!m.matches()) {
      // it came from the network and may end up in a log line: no control characters
      String printable = since.replaceAll("[^\\x20-\\x7e]", "?");
      String shown = printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
      throw new ProtocolException(
          FaultCode.BAD_CURSOR, "diff.since: '" + shown + "' is not a cursor this shop issued");
    }
    return new DiffCursor(Long.parseLong(m.group(1)));
  }

  /**
   * The cursor as sent in {@code next}.
   *
   * @return {@code c1:<seq>}
   */
  public String toWire() {
    return PREFIX + seq;
  }
}
