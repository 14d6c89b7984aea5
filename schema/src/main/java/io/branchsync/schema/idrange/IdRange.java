package io.branchsync.schema.idrange;

/**
 * The keys one branch hands out in tables whose rows branches create: {@code first} to {@code last}
 * inclusive. By default branch N owns N × 10,000,000 + 1 to (N + 1) × 10,000,000; the office is 0.
 */
public record IdRange(long first, long last) {
  public static final long DEFAULT_SIZE = 10_000_000L;

  public IdRange {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException(
          "ID range " + first + ".." + last + " is empty or negative");
    }
  }

  public static IdRange forBranch(int branch, long size) {
    if (branch < 0) {
      throw new IllegalArgumentException("branch number " + branch + " is negative");
    }
    return new IdRange(branch * size + 1, (branch + 1) * size);
  }

  public static IdRange forBranch(int branch) {
    return forBranch(branch, DEFAULT_SIZE);
  }

  public long size() {
    return last - first + 1;
  }

  public boolean overlaps(IdRange other) {
    return first <= other.last && other.first <= last;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
