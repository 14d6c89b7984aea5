package io.branchsync.office.registry;

import java.time.LocalDateTime;

/**
 * A row one side could not apply, as reported to the operator.
 *
 * @param direction {@code pull} (shop to office) or {@code push} (office to shop)
 * @param status {@code open} until a later sync passes it, {@code skip} once the operator asked to
 *     pass over it, {@code skipped} once a sync did, {@code resolved} once it applied
 */
public record FailedRow(
    long id,
    int branchId,
    String direction,
    String table,
    String key,
    String reason,
    String status,
    LocalDateTime createdAt) {}
