package io.branchsync.schema.chunk;

/**
 * The shape of a numeric literal in chunks: {@code -?digits(.digits)?([eE][+-]?digits)?}.
 *
 * <p>Checked by hand rather than with a regular expression because every number of every parsed row
 * passes through here.
 */
final class NumericLiteral {

  private NumericLiteral() {}

  static boolean isValid(CharSequence s) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int end = skipDigits(s, i);
    if (end == i) {
      return false;
    }
    i = end;
    if (i < n && s.charAt(i) == '.') {
      end = skipDigits(s, i + 1);
      if (end == i + 1) {
        return false;
      }
      i = end;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      end = skipDigits(s, i);
      if (end == i) {
        return false;
      }
      i = end;
    }
    return i == n;
  }

  private static int skipDigits(CharSequence s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
