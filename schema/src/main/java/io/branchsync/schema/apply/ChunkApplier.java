package io.branchsync.schema.apply;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkReader;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.CopyBlock;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.dialect.CopyLoader;
import io.branchsync.schema.dialect.Dialect;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies parsed chunk statements inside the caller's transaction. Nothing received is executed:
 * each statement is checked against the tables this side accepts, every literal is parsed into its
 * column's type, then our own statement runs with the values bound as parameters. An upsert only
 * ever writes the row with its own primary key; rows that trade unique values within the
 * transaction are moved out of each other's way first. Applying the same statements twice leaves
 * the same rows.
 *
 * <p>One applier per transaction: call {@link #finish} before committing.
 */
public final class ChunkApplier {
  private final Dialect dialect;
  private final TableGate gate;
  private final ValueBinder binder;
  private final FailingRowLocator locator;
  private final UniqueKeyGuard guard;
  private final boolean giveWayToTills;
  // each typed row of the statement being applied, by identity, to its key as the sender wrote
  // it: refused rows are named so, which is the form the office skips them by
  private final Map<List<Object>, String> sentKeys = new IdentityHashMap<>();

  /**
   * @param allowedTables lower-case names of the tables this side accepts from the sender
   */
  public ChunkApplier(Dialect dialect, SchemaCatalog catalog, Set<String> allowedTables) {
    this(dialect, catalog, allowedTables, false);
  }

  /**
   * @param allowedTables lower-case names of the tables this side accepts from the sender
   * @param giveWayToTills lock the rows each upsert writes first, failing at once with {@link
   *     ErrorCode#LOCK_CONFLICT} if a till holds one, where the dialect needs it to keep tills out
   *     of deadlocks with the apply; the connection must be in read committed
   */
  public ChunkApplier(
      Dialect dialect, SchemaCatalog catalog, Set<String> allowedTables, boolean giveWayToTills) {
    this.giveWayToTills = giveWayToTills;
    this.dialect = dialect;
    this.gate = new TableGate(catalog, Set.copyOf(allowedTables));
    this.binder = new ValueBinder(dialect);
    this.locator = new FailingRowLocator(this::executeRows, sentKeys::get);
    this.guard = new UniqueKeyGuard(dialect, binder, sentKeys::get);
  }

  /** Applies every statement in order; the caller commits or rolls back. */
  public ApplyResult apply(Connection connection, Iterator<ChunkStatement> statements) {
    ApplyResult result = ApplyResult.NONE;
    while (statements.hasNext()) {
      result = result.plus(apply(connection, statements.next()));
    }
    return result;
  }

  /** Applies every statement a parser reads, streaming; the caller commits or rolls back. */
  public ApplyResult apply(Connection connection, ChunkReader reader) {
    ApplyResult result = ApplyResult.NONE;
    for (ChunkStatement statement = reader.next(); statement != null; statement = reader.next()) {
      result = result.plus(apply(connection, statement));
    }
    return result;
  }

  public ApplyResult apply(Connection connection, ChunkStatement statement) {
    TableMeta table = gate.table(statement);
    sentKeys.clear();
    if (statement instanceof Upsert upsert) {
      gate.requirePrimaryKey(statement, table, upsert.keyColumns());
      List<ColumnMeta> columns = gate.columns(statement, table, upsert.columns());
      List<List<Object>> rows = TypedRows.parse(statement, table, columns, upsert.rows());
      rememberSentKeys(statement, upsert.columns(), upsert.keyColumns(), upsert.rows(), rows);
      return upsert(connection, upsert, table, columns, rows);
    }
    if (statement instanceof DeleteByKey delete) {
      gate.requirePrimaryKey(statement, table, delete.keyColumns());
      List<ColumnMeta> columns = gate.columns(statement, table, delete.keyColumns());
      List<List<Object>> keys = TypedRows.parse(statement, table, columns, delete.keys());
      rememberSentKeys(statement, delete.keyColumns(), delete.keyColumns(), delete.keys(), keys);
      // a row moved aside and then deleted is in nobody's way any more
      guard.forget(table.name(), keys.stream().map(KeyText::of).toList());
      return run(
          connection,
          statement,
          table,
          columns,
          keys,
          rows -> deleteSql(table.name(), names(columns), rows));
    }
    return copy(connection, (CopyBlock) statement, table);
  }

  /**
   * Names each typed row by its key as sent, and refuses a statement that names one key twice:
   * which of two rows the database would keep is not ours to guess (an update by key takes either).
   */
  private void rememberSentKeys(
      ChunkStatement statement,
      List<String> columns,
      List<String> keyColumns,
      List<List<SqlValue>> sent,
      List<List<Object>> typed) {
    List<String> lower = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    List<Integer> positions =
        keyColumns.stream().map(k -> lower.indexOf(k.toLowerCase(Locale.ROOT))).toList();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < typed.size(); i++) {
      String key = SqlValue.keyText(sent.get(i), positions);
      if (!seen.add(KeyText.of(positions.stream().map(typed.get(i)::get).toList()))
          && statement instanceof Upsert) {
        throw new SyncException(
            ErrorCode.BAD_CHUNK,
            TableGate.where(statement)
                + "table "
                + statement.table()
                + ": key "
                + key
                + " is written twice in one statement");
      }
      sentKeys.put(typed.get(i), key);
    }
  }

  /**
   * Checks that no row moved aside during this transaction still holds a value another row took;
   * call before committing. The guard starts over afterwards, whatever the outcome.
   *
   * @throws io.branchsync.schema.RowRejectedException naming the row that took the value and the
   *     row that holds it
   */
  public void finish() {
    guard.finish();
  }

  private ApplyResult upsert(
      Connection connection,
      Upsert statement,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<Object>> rows) {
    List<String> names = names(columns);
    SqlForRows upsertSql = n -> dialect.upsert(table.name(), names, table.primaryKey(), n);
    int perStatement = perStatement(columns, table);
    boolean updates = dialect.updateByKey(table.name(), columns, table.primaryKey(), 1).isPresent();
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<List<Object>> part = rows.subList(from, Math.min(rows.size(), from + perStatement));
      if (giveWayToTills) {
        lockFirst(connection, table, columns, part);
      }
      Set<String> existing = clear(connection, statement, table, columns, part);
      if (existing == null || !(dialect.upsertMatchesAnyUniqueKey() || updates)) {
        locator.execute(connection, statement, table, columns, part, upsertSql);
        continue;
      }
      // Only a row whose primary key was found goes through the upsert (or an update by key,
      // which locks less), and then can only match that key; on MySQL a new row is a plain
      // insert, so a clash on another unique key is an error, never an update of another row.
      List<Integer> pk = table.primaryKey().stream().map(names::indexOf).toList();
      Map<Boolean, List<List<Object>>> split =
          part.stream()
              .collect(
                  Collectors.partitioningBy(
                      row -> existing.contains(KeyText.of(pk.stream().map(row::get).toList()))));
      if (!split.get(true).isEmpty()) {
        locator.execute(
            connection,
            statement,
            table,
            columns,
            split.get(true),
            !updates
                ? upsertSql
                : n -> dialect.updateByKey(table.name(), columns, table.primaryKey(), n).get());
      }
      if (!split.get(false).isEmpty()) {
        locator.execute(
            connection,
            statement,
            table,
            columns,
            split.get(false),
            dialect.upsertMatchesAnyUniqueKey()
                ? n -> dialect.insert(table.name(), names, n)
                : upsertSql);
      }
    }
    return new ApplyResult(1, rows.size());
  }

  private void lockFirst(
      Connection connection, TableMeta table, List<ColumnMeta> columns, List<List<Object>> rows) {
    Optional<String> sql = dialect.lockKeysNowait(table.name(), table.primaryKey(), rows.size());
    if (sql.isEmpty()) {
      return;
    }
    List<String> names = names(columns);
    List<Integer> key = table.primaryKey().stream().map(names::indexOf).toList();
    try (PreparedStatement s = connection.prepareStatement(sql.get())) {
      int index = 1;
      for (List<Object> row : rows) {
        for (int at : key) {
          binder.bind(s, index++, columns.get(at), row.get(at));
        }
      }
      s.executeQuery().close();
    } catch (SQLException e) {
      // NOWAIT met a till's lock: LOCK_CONFLICT, so the session is rolled back and sent again
      throw SyncException.fromSql("locking rows of " + table.name(), e);
    }
  }

  private Set<String> clear(
      Connection connection,
      ChunkStatement statement,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<Object>> rows) {
    try {
      return guard.clear(connection, TableGate.where(statement), table, columns, rows);
    } catch (SQLException e) {
      throw SyncException.fromSql("making way for rows of " + table.name(), e);
    }
  }

  /**
   * Rows per statement, so that neither it nor the guard's look-up passes the placeholder limit.
   */
  private int perStatement(List<ColumnMeta> columns, TableMeta table) {
    int width =
        Math.max(
            columns.size(),
            table.primaryKey().size() + table.uniqueKeys().stream().mapToInt(List::size).sum());
    return Math.max(1, dialect.maxParameters() / width);
  }

  private ApplyResult run(
      Connection connection,
      ChunkStatement statement,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<Object>> rows,
      SqlForRows sql) {
    int perStatement = Math.max(1, dialect.maxParameters() / columns.size());
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<List<Object>> part = rows.subList(from, Math.min(rows.size(), from + perStatement));
      locator.execute(connection, statement, table, columns, part, sql);
    }
    return new ApplyResult(1, rows.size());
  }

  /** Runs one statement for the given rows; returns the database's update count. */
  private int executeRows(
      Connection connection, List<ColumnMeta> columns, List<List<Object>> rows, SqlForRows sql)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql.forRows(rows.size()))) {
      int index = 1;
      for (List<Object> row : rows) {
        for (int i = 0; i < columns.size(); i++) {
          binder.bind(s, index++, columns.get(i), row.get(i));
        }
      }
      return s.executeUpdate();
    }
  }

  private String deleteSql(String table, List<String> keyColumns, int rows) {
    return "DELETE FROM " + dialect.quote(table) + " WHERE " + dialect.keyIn(keyColumns, rows);
  }

  private ApplyResult copy(Connection connection, CopyBlock block, TableMeta table) {
    CopyLoader loader = dialect.copyLoader();
    if (loader == null) {
      throw new SyncException(
          ErrorCode.BAD_CHUNK, TableGate.where(block) + "COPY is only accepted by PostgreSQL");
    }
    List<ColumnMeta> columns = gate.columns(block, table, block.columns());
    String text = CopyText.encode(TypedRows.parse(block, table, columns, block.rows()));
    try {
      long rows = loader.copyIn(connection, table.name(), names(columns), new StringReader(text));
      return new ApplyResult(1, rows);
    } catch (SQLException e) {
      throw new SyncException(
          ErrorCode.APPLY_FAILED,
          TableGate.where(block) + "loading " + table.name() + ": " + e.getMessage(),
          e);
    }
  }

  private static List<String> names(List<ColumnMeta> columns) {
    return columns.stream().map(ColumnMeta::name).toList();
  }

  /** Builds our statement text for a number of rows. */
  @FunctionalInterface
  interface SqlForRows {
    String forRows(int rows);
  }
}
