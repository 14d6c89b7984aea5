package io.branchsync.bench;

/**
 * What a figure should reach: an absolute bound on its median, or a bound on the ratio of its
 * median to the peer's.
 */
public record Target(Kind kind, double bound, String text) {

  /** How the bound is compared. */
  public enum Kind {
    NONE,
    /** median &lt; bound. */
    BELOW,
    /** median / peer median &ge; bound. */
    RATIO_AT_LEAST,
    /** median / peer median &le; bound. */
    RATIO_AT_MOST
  }

  public static Target none() {
    return new Target(Kind.NONE, 0, "—");
  }

  public static Target below(double bound, String text) {
    return new Target(Kind.BELOW, bound, text);
  }

  public static Target ratioAtLeast(double bound, String text) {
    return new Target(Kind.RATIO_AT_LEAST, bound, text);
  }

  public static Target ratioAtMost(double bound, String text) {
    return new Target(Kind.RATIO_AT_MOST, bound, text);
  }

  /** Whether the median meets the target; null when there is no target or no peer to compare. */
  public Boolean met(double median, Double ratio) {
    return switch (kind) {
      case NONE -> null;
      case BELOW -> median < bound;
      case RATIO_AT_LEAST -> ratio == null ? null : ratio >= bound;
      case RATIO_AT_MOST -> ratio == null ? null : ratio <= bound;
    };
  }
}
