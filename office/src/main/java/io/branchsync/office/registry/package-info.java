/** The office's own records: branches, their sync state, conflicts and rows that failed. */
package io.branchsync.office.registry;
