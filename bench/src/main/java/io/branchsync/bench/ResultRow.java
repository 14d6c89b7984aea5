package io.branchsync.bench;

/**
 * One line of the result table: a figure of ours over the repetitions, the peer's figure measured
 * in the same run (null when the measurement has none), and the target.
 *
 * @param name what was measured, e.g. {@code Provisioning, PostgreSQL shop}
 * @param unit the unit of the figures, e.g. {@code rows/s}
 * @param ours our figure over the repetitions
 * @param peerName what the peer figure is, e.g. {@code pg_dump | psql}
 * @param peer the peer's figure over the repetitions, or null
 * @param target what the figure should reach
 */
public record ResultRow(
    String name, String unit, Samples ours, String peerName, Samples peer, Target target) {

  /** Our median over the peer's, or null without a peer. */
  public Double ratio() {
    if (peer == null || peer.isEmpty() || peer.median() == 0) {
      return null;
    }
    return ours.median() / peer.median();
  }

  /** Whether the target is met; null when there is none. */
  public Boolean met() {
    return target.met(ours.median(), ratio());
  }
}
