/**
 * The SQL dialects: one {@link io.branchsync.schema.dialect.Dialect} per database family, chosen
 * once from the connection's metadata.
 */
package io.branchsync.schema.dialect;
