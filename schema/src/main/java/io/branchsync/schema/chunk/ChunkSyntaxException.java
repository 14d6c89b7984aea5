package io.branchsync.schema.chunk;

/**
 * A chunk statement outside the strict grammar. The whole session must be rejected: nothing of a
 * chunk that fails here may be applied.
 *
 * <p>The message reads {@code line 12: expected ON CONFLICT after VALUES in: INSERT INTO "product"
 * ("id", ...}, naming the line the statement starts on and its beginning, so an operator can find
 * it in the chunk.
 */
public final class ChunkSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The line the statement starts on. */
  private final int line;

  /** The statement's beginning. */
  private final String statementExcerpt;

  /** What is wrong. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param line the line the offending statement starts on (1-based)
   * @param statementExcerpt the statement's first characters, whitespace collapsed
   * @param reason what is wrong, without line or excerpt
   */
  public ChunkSyntaxException(int line, String statementExcerpt, String reason) {
    super(format(line, statementExcerpt, reason));
    this.line = line;
    this.statementExcerpt = statementExcerpt;
    this.reason = reason;
  }

  /**
   * The line the offending statement starts on.
   *
   * @return 1-based line number
   */
  public int line() {
    return line;
  }

  /**
   * The beginning of the offending statement, at most about 80 characters, runs of whitespace
   * collapsed to one space, {@code ...} when cut.
   *
   * @return the excerpt; empty when the chunk ended where a statement was expected
   */
  public String statementExcerpt() {
    return statementExcerpt;
  }

  /**
   * What is wrong, without line and excerpt.
   *
   * @return for example {@code expected ON CONFLICT after VALUES}
   */
  public String reason() {
    return reason;
  }

  private static String format(int line, String excerpt, String reason) {
    return "line " + line + ": " + reason + (excerpt.isEmpty() ? "" : " in: " + excerpt);
  }
}
