package io.branchsync.office.sync;

import java.time.LocalDateTime;

/**
 * What {@code office status} shows for a branch.
 *
 * @param officePending office changes not yet pushed to the branch
 * @param shopPending the shop's changes not yet collected, or -1 when not asked or unreachable
 * @param rangeUsedPercent the fullest of the branch's ID-range tables, in percent
 * @param conflicts conflicts ever recorded for the branch ({@code office conflicts} lists them)
 * @param keyCollisions of those, rows the branch sent with a key of another node's row
 */
public record BranchStatus(
    int branchId,
    String name,
    LocalDateTime lastSyncAt,
    Long lastDurationMs,
    Long rowsPulled,
    Long rowsPushed,
    long officePending,
    long shopPending,
    Long lagSeconds,
    double rangeUsedPercent,
    long conflicts,
    long keyCollisions,
    String lastError) {}
