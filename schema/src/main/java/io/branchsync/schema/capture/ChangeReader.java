package io.branchsync.schema.capture;

import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.ColumnKind;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads net changes after a cursor: each changed row once in its latest state, a delete for a row
 * that is gone, upserts parents first and deletes children first, in bounded batches that break
 * only between source transactions where the database records them.
 */
public final class ChangeReader {
  private final Dialect dialect;
  private final SchemaCatalog catalog;
  private final ChangeStamper stamper = new ChangeStamper();
  private final RowFetcher fetcher;
  private final int rowsPerStatement;

  public ChangeReader(Dialect dialect, SchemaCatalog catalog, int rowsPerStatement) {
    this.dialect = dialect;
    this.catalog = catalog;
    this.fetcher = new RowFetcher(dialect);
    this.rowsPerStatement = rowsPerStatement;
  }

  /**
   * Reads the next batch.
   *
   * @param afterSeq the cursor: changes up to it were read before
   * @param maxChanges how many change-log rows one batch covers at most (more when a transaction
   *     would otherwise be split)
   * @param tables only changes of these tables are sent; others are passed over
   * @param excludeOrigin changes that came from this branch are passed over (no echo); null for
   *     none
   */
  public ChangeBatch read(
      Connection connection,
      long afterSeq,
      int maxChanges,
      Set<String> tables,
      Integer excludeOrigin) {
    stamper.stampAll(connection);
    try {
      connection.setAutoCommit(false);
      try {
        ChangeBatch batch = readInSnapshot(connection, afterSeq, maxChanges, tables, excludeOrigin);
        connection.commit();
        return batch;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading changes after " + afterSeq, e);
    }
  }

  private ChangeBatch readInSnapshot(
      Connection connection,
      long afterSeq,
      int maxChanges,
      Set<String> tables,
      Integer excludeOrigin)
      throws SQLException {
    List<LogEntry> entries = entriesAfter(connection, afterSeq, maxChanges + 1);
    boolean more = entries.size() > maxChanges;
    if (more) {
      entries = new ArrayList<>(entries.subList(0, maxChanges));
      entries.addAll(restOfTransaction(connection, entries.get(entries.size() - 1)));
      more = hasEntriesAfter(connection, entries.get(entries.size() - 1).seq());
    }
    long next = entries.isEmpty() ? afterSeq : entries.get(entries.size() - 1).seq();
    // a hash set: a batch may hold a whole big transaction, and a list's contains is quadratic
    Map<String, Set<List<String>>> keysByTable = new LinkedHashMap<>();
    for (LogEntry entry : entries) {
      boolean echo = excludeOrigin != null && excludeOrigin.equals(entry.origin());
      if (tables.contains(entry.table()) && !echo) {
        keysByTable.computeIfAbsent(entry.table(), t -> new LinkedHashSet<>()).add(entry.key());
      }
    }
    return toStatements(connection, keysByTable, next, more, entries.size());
  }

  private ChangeBatch toStatements(
      Connection connection,
      Map<String, Set<List<String>>> keysByTable,
      long next,
      boolean more,
      int changes)
      throws SQLException {
    List<ChunkStatement> upserts = new ArrayList<>();
    List<ChangeKey> upsertKeys = new ArrayList<>();
    List<ChunkStatement> deletes = new ArrayList<>();
    List<ChangeKey> deleteKeys = new ArrayList<>();
    List<String> order = catalog.parentsFirst(keysByTable.keySet());
    for (String name : order) {
      TableMeta table = catalog.require(name);
      List<List<String>> keys = new ArrayList<>(keysByTable.get(name));
      Map<List<String>, List<SqlValue>> rows = fetcher.fetch(connection, table, keys);
      List<List<SqlValue>> present = new ArrayList<>();
      List<List<SqlValue>> gone = new ArrayList<>();
      for (List<String> key : keys) {
        List<SqlValue> row = rows.get(key);
        if (row != null) {
          present.add(row);
          upsertKeys.add(new ChangeKey(name, key));
        } else {
          gone.add(keyValues(table, key));
        }
      }
      addUpserts(table, present, upserts);
      if (!gone.isEmpty()) {
        deletes.add(0, new DeleteByKey(name, table.primaryKey(), gone, 0));
        List<ChangeKey> goneKeys = new ArrayList<>();
        keys.stream()
            .filter(k -> !rows.containsKey(k))
            .forEach(k -> goneKeys.add(new ChangeKey(name, k)));
        deleteKeys.addAll(0, goneKeys);
      }
    }
    List<ChunkStatement> statements = new ArrayList<>(upserts);
    statements.addAll(deletes);
    List<ChangeKey> keys = new ArrayList<>(upsertKeys);
    keys.addAll(deleteKeys);
    return new ChangeBatch(statements, keys, next, more, changes);
  }

  private void addUpserts(TableMeta table, List<List<SqlValue>> rows, List<ChunkStatement> out) {
    for (int from = 0; from < rows.size(); from += rowsPerStatement) {
      List<List<SqlValue>> part =
          rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
      out.add(
          new Upsert(table.name(), table.columnNames(), table.primaryKey(), List.copyOf(part), 0));
    }
  }

  /**
   * Key text back to typed literals: numbers stay numbers so both dialects compare them exactly.
   */
  static List<SqlValue> keyValues(TableMeta table, List<String> key) {
    List<SqlValue> values = new ArrayList<>(key.size());
    for (int i = 0; i < key.size(); i++) {
      ColumnKind kind = table.column(table.primaryKey().get(i)).orElseThrow().kind();
      boolean numeric = kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL;
      values.add(numeric ? new SqlValue.Number(key.get(i)) : new SqlValue.Text(key.get(i)));
    }
    return values;
  }

  private static List<LogEntry> entriesAfter(Connection connection, long afterSeq, int limit)
      throws SQLException {
    return query(
        connection,
        "SELECT seq, table_name, pk1, pk2, pk3, origin, txid FROM sync_change"
            + " WHERE seq > ? ORDER BY seq LIMIT "
            + limit,
        afterSeq,
        null);
  }

  private static List<LogEntry> restOfTransaction(Connection connection, LogEntry last)
      throws SQLException {
    if (last.txid() == null) {
      return Collections.emptyList();
    }
    // The stamper numbers a transaction's rows contiguously, so its rest follows directly.
    return query(
        connection,
        "SELECT seq, table_name, pk1, pk2, pk3, origin, txid FROM sync_change"
            + " WHERE seq > ? AND txid = ? ORDER BY seq",
        last.seq(),
        last.txid());
  }

  private static boolean hasEntriesAfter(Connection connection, long seq) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT 1 FROM sync_change WHERE seq > ? LIMIT 1")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<LogEntry> query(Connection connection, String sql, long seq, Long txid)
      throws SQLException {
    List<LogEntry> entries = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, seq);
      if (txid != null) {
        s.setLong(2, txid);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(LogEntry.from(rs));
        }
      }
    }
    return entries;
  }
}
