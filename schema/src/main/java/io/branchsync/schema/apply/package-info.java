/**
 * Applying parsed chunks: checking each statement against the tables the receiving side accepts,
 * then running our own statements with the literals bound as parameters.
 */
package io.branchsync.schema.apply;
