/** Table policies and policy sets: which tables sync, which way, and who wins a conflict. */
package io.branchsync.schema.policy;
