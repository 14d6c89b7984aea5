package io.branchsync.office.registry;

import java.time.LocalDateTime;

/** A {@code Both} row changed at the office and at a shop between two syncs, with both versions. */
public record Conflict(
    long id,
    int branchId,
    String table,
    String key,
    String officeVersion,
    String branchVersion,
    String resolution,
    LocalDateTime detectedAt) {}
