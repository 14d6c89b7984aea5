/**
 * The sync engine: provisioning a shop, pulling its changes, pushing the office's, resolving
 * conflicts, and running many branches at once.
 */
package io.branchsync.office.sync;
