/**
 * Insertion sessions: chunks checked on arrival, staged on disk, applied in one transaction on
 * {@code sql_finish}; limits, expiry, and answers to resent calls after lost replies.
 */
package io.branchsync.shop.internal.session;
