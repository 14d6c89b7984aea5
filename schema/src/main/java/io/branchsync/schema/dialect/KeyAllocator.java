package io.branchsync.schema.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out the keys of rows a node inserts itself, from a counter of that node's own that rows
 * applied by sync (which carry explicit keys from other branches' ranges) never move.
 *
 * <p>Only databases whose own key generator jumps past explicit keys need one: MySQL and MariaDB
 * move {@code AUTO_INCREMENT} past any key inserted above it, so a shop that applied a row from a
 * higher-numbered branch would continue in that branch's range and overwrite its customers.
 * PostgreSQL sequences never move on explicit keys.
 */
public interface KeyAllocator {

  /** Whether the allocator of {@code table} is installed. */
  boolean installed(Connection connection, String table) throws SQLException;

  /**
   * Installs (or re-installs, keeping its counter) the allocator of {@code table}, whose key column
   * is {@code keyColumn}; a new counter starts at {@code start}. Commits: it is DDL.
   */
  void install(Connection connection, String table, String keyColumn, long start)
      throws SQLException;

  /**
   * Makes the next local insert into {@code table} receive {@code start}. Moving the counter back
   * may be DDL, which commits.
   */
  void restart(Connection connection, String table, long start) throws SQLException;
}
