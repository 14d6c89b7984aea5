package io.branchsync.bench;

/** The measurements a run can make; {@code --only} picks some of them. */
public enum Measurement {
  /** {@code clean} and full push beside dump-and-restore and a JDBC multi-row INSERT load. */
  PROVISIONING,
  /** Changed rows at both ends synced end to end. */
  INCREMENTAL,
  /** A sync with nothing to move, beside a bare {@code info} call. */
  IDLE,
  /** Inserts at a shop with and without the capture triggers. */
  CAPTURE,
  /** The office process's heap and resident size while provisioning a small and a large catalog. */
  MEMORY,
  /** {@code office sync --all} against many shops. */
  FLEET
}
