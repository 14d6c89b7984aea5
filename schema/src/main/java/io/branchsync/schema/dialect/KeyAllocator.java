package io.branchsync.schema.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

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
   * The key the next local insert into {@code table} receives: the allocator's counter when it is
   * installed, else the table's own generator; empty if the database cannot tell.
   */
  OptionalLong nextKey(Connection connection, String table) throws SQLException;

  /**
   * Installs (or re-installs, keeping its counter) the allocator of {@code table}, whose key column
   * is {@code keyColumn}; a new counter starts at {@code start}. Commits: it is DDL.
   */
  void install(Connection connection, String table, String keyColumn, long start)
      throws SQLException;

  /** Makes the next local insert into {@code table} receive {@code start}. Commits: it is DDL. */
  void restart(Connection connection, String table, long start) throws SQLException;

  /** Removes the allocator of {@code table}; safe when none is installed. */
  void uninstall(Connection connection, String table) throws SQLException;
}
