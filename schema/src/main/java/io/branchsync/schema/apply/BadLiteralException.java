package io.branchsync.schema.apply;

/**
 * A literal that is not a value of its column's type. Carries only the reason; the applier adds the
 * statement, table, column and value when it turns this into a refusal of the chunk.
 */
final class BadLiteralException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadLiteralException(String reason) {
    super(reason, null, false, false);
  }
}
