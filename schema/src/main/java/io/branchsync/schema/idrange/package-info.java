/** ID ranges: every branch creates rows with keys from its own range, so keys never collide. */
package io.branchsync.schema.idrange;
