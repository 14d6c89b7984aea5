package io.branchsync.office.registry;

import java.time.LocalDateTime;

/** A branch's row of {@code branch_synchronization}: cursors and what the last run did. */
public record SyncState(
    int branchId,
    String policy,
    LocalDateTime lastSyncAt,
    LocalDateTime provisionedAt,
    String pullCursor,
    long pushCursor,
    Long lastDurationMs,
    Long rowsPulled,
    Long rowsPushed,
    Long conflicts,
    String lastError,
    LocalDateTime lastErrorAt) {}
