/** Comparing copies of a table across databases and dialects, for convergence checks. */
package io.branchsync.schema.compare;
