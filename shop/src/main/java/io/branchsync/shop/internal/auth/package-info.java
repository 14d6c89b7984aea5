/**
 * Checking the office's HTTP Basic credentials against the slow hash in the secret file, with
 * successes remembered in memory and failures slowed per client address.
 */
package io.branchsync.shop.internal.auth;
