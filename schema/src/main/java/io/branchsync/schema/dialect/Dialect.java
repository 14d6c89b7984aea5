package io.branchsync.schema.dialect;

import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything that differs between PostgreSQL and MySQL/MariaDB. No code outside this package asks
 * which database it talks to; it asks the dialect. Identifiers pass only through {@link #quote},
 * which accepts plain names only, and values are always bound.
 */
public interface Dialect {

  /** The chunk dialect this database reads and writes. */
  SqlDialect sqlDialect();

  /** The folder name of this dialect's Flyway migrations ({@code postgresql} or {@code mysql}). */
  String migrationFolder();

  /** Quotes a plain identifier; rejects anything that is not {@code [A-Za-z_][A-Za-z0-9_]*}. */
  String quote(String identifier);

  /**
   * Marks the writes of the current transaction as coming from {@code origin} (a branch number, 0
   * for the office) so capture triggers record it; {@code null} clears the mark. Must be called
   * inside the transaction it applies to; {@link #clearOrigin} runs in a finally block since MySQL
   * keeps the mark on the connection.
   */
  void setOrigin(Connection connection, Integer origin) throws SQLException;

  /** Clears the origin mark after the transaction (a no-op where it is transaction-scoped). */
  void clearOrigin(Connection connection) throws SQLException;

  /**
   * The statements that install change capture on a table.
   *
   * @param logRemote whether writes marked with an origin are logged too (the office passes them on
   *     to other branches; a shop only sends its own changes)
   */
  List<String> installCapture(TableMeta table, boolean logRemote);

  /** The statements that remove change capture from a table; safe when none is installed. */
  List<String> uninstallCapture(String table);

  /**
   * {@code (k1, k2) IN ((?, ?), ...)} for {@code rows} tuples of the given key columns: how a
   * statement names a set of rows by key.
   */
  default String keyIn(List<String> keyColumns, int rows) {
    return UpsertText.keyIn(this, keyColumns, rows);
  }

  /** A multi-row upsert by primary key with {@code rows} tuples of {@code ?} placeholders. */
  String upsert(String table, List<String> columns, List<String> keyColumns, int rows);

  /** A multi-row plain insert: a clash on any unique key is an error, never an update. */
  /**
   * An update by primary key of rows that exist, bound like {@link #upsert} (the same columns in
   * the same order), where it locks less than the upsert; empty where the upsert does as well.
   */
  default Optional<String> updateByKey(
      String table, List<ColumnMeta> columns, List<String> keyColumns, int rows) {
    return Optional.empty();
  }

  /**
   * A locking read of the rows with {@code rows} given primary keys that fails at once instead of
   * waiting when another transaction holds one of them; empty where the applier has no need of it.
   * Run in read committed, where it locks those rows only, not the gaps between them.
   */
  default Optional<String> lockKeysNowait(String table, List<String> keyColumns, int rows) {
    return Optional.empty();
  }

  default String insert(String table, List<String> columns, int rows) {
    return UpsertText.insertValues(this, table, columns, rows);
  }

  /**
   * Whether {@link #upsert} updates the row that holds any of the new row's unique keys rather than
   * only the row with its primary key (MySQL's {@code ON DUPLICATE KEY UPDATE} does). The applier
   * then upserts only rows whose primary key it found and locked, and inserts the rest.
   */
  boolean upsertMatchesAnyUniqueKey();

  /**
   * What ends a query that reads the rows an upsert is about to write so that they stay as read
   * until the transaction ends: {@code " FOR UPDATE"} where that locks only the rows found, empty
   * where it would also lock the gaps between them.
   */
  String lockRowsRead();

  /** The most placeholders one statement may carry. */
  int maxParameters();

  /**
   * Binds a textual value (timestamp, decimal, text) so the server converts it to the column type.
   */
  void bindText(PreparedStatement statement, int index, String value) throws SQLException;

  /**
   * Makes the next ID the sequence of {@code table.column} hands out equal to {@code start} (and
   * the table's {@link KeyAllocator} counter, where one is installed).
   */
  void setSequenceStart(Connection connection, String table, String column, long start)
      throws SQLException;

  /**
   * The key the next insert into {@code table} without one receives (its {@link KeyAllocator}'s
   * counter where one is installed), or empty when the database cannot tell.
   */
  OptionalLong nextKey(Connection connection, String table, String column) throws SQLException;

  /**
   * Makes a query stream its rows instead of loading the whole result, so memory stays flat
   * whatever the table size. The connection must not be in auto-commit mode.
   */
  void streamResults(java.sql.Statement statement) throws SQLException;

  /**
   * The allocator that keeps the keys of a node's own inserts in its own range, where the
   * database's key generator would jump past keys applied from other ranges; empty where it never
   * does (PostgreSQL sequences).
   */
  default Optional<KeyAllocator> keyAllocator() {
    return Optional.empty();
  }

  /**
   * Streams PostgreSQL COPY text rows into a table; only dialects that support COPY implement it.
   */
  default CopyLoader copyLoader() {
    return null;
  }

  /**
   * Takes a lock named {@code name} held by this connection's session until {@link #unlock} or the
   * session ends, without waiting; returns whether it was taken. Survives across processes.
   */
  boolean tryLock(Connection connection, String name) throws SQLException;

  void unlock(Connection connection, String name) throws SQLException;
}
