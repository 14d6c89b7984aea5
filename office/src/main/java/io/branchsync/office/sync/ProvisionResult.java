package io.branchsync.office.sync;

/** What provisioning did: rows sent, chunks, the shop's count of rows applied, the ID start set. */
public record ProvisionResult(
    long rowsSent, long chunks, long rowsApplied, long idStart, long collectedFirst, long millis) {}
