/**
 * Insertion sessions: chunks checked and applied on arrival in one transaction per session,
 * committed on {@code sql_finish}; limits, expiry, and answers to resent calls after lost replies.
 */
package io.branchsync.shop.internal.session;
