package io.branchsync.schema.dialect;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.util.regex.Pattern;

/** Checks identifiers before they are quoted into SQL text we build. */
final class Identifiers {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  static String requirePlain(String identifier) {
    if (identifier == null || !PLAIN.matcher(identifier).matches()) {
      throw new SyncException(
          ErrorCode.SCHEMA_MISMATCH,
          "identifier " + identifier + " is not a plain name ([A-Za-z_][A-Za-z0-9_]*, at most 63)");
    }
    return identifier;
  }
}
