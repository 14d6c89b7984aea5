/**
 * Trigger-based change capture: installing the triggers, ordering the change log in commit order,
 * and reading net changes after a cursor.
 */
package io.branchsync.schema.capture;
