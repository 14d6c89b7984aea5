package io.branchsync.schema.apply;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times and timestamps as our own code reads them: ISO digits only, every field checked
 * against the calendar. What comes out is a canonical text the database can only read one way, so
 * the words PostgreSQL would turn into a moment ({@code 'now'}, {@code 'today'}, {@code
 * 'infinity'}, {@code 'epoch'}) and MySQL's zero dates ({@code '0000-00-00'}) never reach it.
 */
final class TemporalLiterals {
  private static final String DATE = "(\\d{4})-(\\d{2})-(\\d{2})";
  private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?";
  private static final String OFFSET = "(?:(Z)|([+-])(\\d{2})(?::?(\\d{2}))?)";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern TIME_ONLY = Pattern.compile(TIME + OFFSET + "?");
  private static final Pattern TIMESTAMP = Pattern.compile(DATE + "[ T]" + TIME + OFFSET + "?");

  private TemporalLiterals() {}

  static String date(String text) {
    Matcher m = match(DATE_ONLY, text, "a date (yyyy-mm-dd)");
    return date(m, 1).toString();
  }

  static String time(String text, boolean withZone) {
    Matcher m = match(TIME_ONLY, text, "a time (hh:mm:ss)");
    return time(m, 1) + offset(m, 5, withZone);
  }

  static String timestamp(String text, boolean withZone) {
    Matcher m = match(TIMESTAMP, text, "a timestamp (yyyy-mm-dd hh:mm:ss)");
    return date(m, 1) + " " + time(m, 4) + offset(m, 8, withZone);
  }

  private static Matcher match(Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    if (!m.matches()) {
      throw new BadLiteralException("not " + what);
    }
    return m;
  }

  private static LocalDate date(Matcher m, int group) {
    int year = Integer.parseInt(m.group(group));
    if (year < 1) {
      throw new BadLiteralException("year 0 is not a date");
    }
    try {
      return LocalDate.of(
          year, Integer.parseInt(m.group(group + 1)), Integer.parseInt(m.group(group + 2)));
    } catch (DateTimeException e) {
      throw new BadLiteralException("no such date");
    }
  }

  private static String time(Matcher m, int group) {
    try {
      LocalTime.of(
          Integer.parseInt(m.group(group)),
          Integer.parseInt(m.group(group + 1)),
          Integer.parseInt(m.group(group + 2)));
    } catch (DateTimeException e) {
      throw new BadLiteralException("no such time of day");
    }
    String fraction = m.group(group + 3);
    return m.group(group)
        + ":"
        + m.group(group + 1)
        + ":"
        + m.group(group + 2)
        + (fraction == null ? "" : "." + fraction);
  }

  /** The offset as {@code +hh:mm}; only columns that keep a zone take one. */
  private static String offset(Matcher m, int group, boolean withZone) {
    if (m.group(group) == null && m.group(group + 1) == null) {
      return "";
    }
    if (!withZone) {
      throw new BadLiteralException("an offset for a column without time zone");
    }
    if (m.group(group) != null) {
      return "+00:00";
    }
    int hours = Integer.parseInt(m.group(group + 2));
    String minutes = m.group(group + 3) == null ? "00" : m.group(group + 3);
    if (hours > 15 || Integer.parseInt(minutes) > 59) {
      throw new BadLiteralException("no such offset");
    }
    return m.group(group + 1) + m.group(group + 2) + ":" + minutes;
  }
}
