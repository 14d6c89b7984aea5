package io.branchsync.office.sync;

import java.util.Map;

/**
 * What one branch's sync did.
 *
 * @param pulledByTable rows applied at the office, per table
 * @param pushedByTable rows applied at the shop, per table
 * @param error null when the sync succeeded, else what went wrong, for a person
 * @param busy the branch was left to another run that holds it: nothing went wrong
 */
public record SyncOutcome(
    int branchId,
    Map<String, Long> pulledByTable,
    Map<String, Long> pushedByTable,
    long conflicts,
    long millis,
    String error,
    boolean busy) {

  public SyncOutcome {
    pulledByTable = Map.copyOf(pulledByTable);
    pushedByTable = Map.copyOf(pushedByTable);
  }

  static SyncOutcome failed(int branchId, long millis, String error) {
    return new SyncOutcome(branchId, Map.of(), Map.of(), 0, millis, error, false);
  }

  /** Another run (another process, an overlapping cron tick) holds the branch. */
  static SyncOutcome skippedBusy(int branchId, long millis, String why) {
    return new SyncOutcome(branchId, Map.of(), Map.of(), 0, millis, why, true);
  }

  public long pulled() {
    return pulledByTable.values().stream().mapToLong(Long::longValue).sum();
  }

  public long pushed() {
    return pushedByTable.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether this run synced the branch; a busy skip did not, though nothing is wrong. */
  public boolean ok() {
    return error == null;
  }
}
