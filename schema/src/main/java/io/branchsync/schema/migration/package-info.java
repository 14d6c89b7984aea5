/**
 * Schema creation and upgrades through Flyway, for BranchSync's metadata and application tables.
 */
package io.branchsync.schema.migration;
