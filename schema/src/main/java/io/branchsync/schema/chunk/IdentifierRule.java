package io.branchsync.schema.chunk;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for table and column names in chunks: plain ASCII names, so that a name never needs
 * escaping and never reaches another schema.
 */
final class IdentifierRule {

  /** The longest name either database keeps (MySQL 64; PostgreSQL truncates at 63). */
  static final int MAX_LENGTH = 64;

  private IdentifierRule() {}

  static boolean isStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isPart(int c) {
    return isStart(c) || (c >= '0' && c <= '9');
  }

  static boolean isValid(CharSequence name) {
    int length = name.length();
    if (length == 0 || length > MAX_LENGTH || !isStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (!isPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Checks a name given in code, where a bad one is the caller's bug. */
  static String require(String name, String what) {
    if (name == null || !isValid(name)) {
      throw new IllegalArgumentException(
          what
              + " must match [A-Za-z_][A-Za-z0-9_]* (at most "
              + MAX_LENGTH
              + " characters), got "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  /**
   * Checks a list of names, which must be non-empty, within {@code max} and free of duplicates.
   * Duplicates compare without case because MySQL folds column names and the policy layer compares
   * lowercased names.
   */
  static List<String> requireDistinct(List<String> names, String what, int max) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (names.size() > max) {
      throw new IllegalArgumentException(what + " has " + names.size() + " names, at most " + max);
    }
    List<String> copy = List.copyOf(names);
    Set<String> seen = new HashSet<>();
    for (String name : copy) {
      require(name, what);
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(what + " names '" + name + "' twice");
      }
    }
    return copy;
  }
}
