/**
 * The shop's database: the connection pool, schema setup and checks, and the shop's own settings in
 * {@code sync_setting}.
 */
package io.branchsync.shop.internal.db;
