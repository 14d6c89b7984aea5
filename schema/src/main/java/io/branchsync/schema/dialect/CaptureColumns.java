package io.branchsync.schema.dialect;

/** The shape of the change log's key columns, shared by every dialect's triggers. */
public final class CaptureColumns {
  /** How many key columns a captured table may have (pk1 to pk3 in {@code sync_change}). */
  public static final int KEY_PARTS = 3;

  private CaptureColumns() {}
}
