/**
 * Everything BranchSync does with a database: migrations, dialects, table policies, change capture,
 * reading changes, applying chunks and ID ranges. The root package holds the error types shared by
 * the sub-packages.
 */
package io.branchsync.schema;
