package io.branchsync.schema.apply;

/** What applying a chunk did: statements run and rows written or deleted. */
public record ApplyResult(int statements, long rows) {
  public static final ApplyResult NONE = new ApplyResult(0, 0);

  public ApplyResult plus(ApplyResult other) {
    return new ApplyResult(statements + other.statements, rows + other.rows);
  }
}
