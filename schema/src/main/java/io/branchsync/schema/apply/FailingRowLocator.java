package io.branchsync.schema.apply;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.RowRejectedException;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a multi-row statement under a savepoint; when the database rejects it, finds the first row
 * it rejects on its own so the error names the table, the key and the database's reason.
 */
final class FailingRowLocator {
  private final RowsExecutor executor;
  private final Function<List<Object>, String> sentKey;

  /**
   * @param sentKey a row's key as the sender wrote it, how a refused row is named; null for a row
   *     it does not know, which is then named by its typed values
   */
  FailingRowLocator(RowsExecutor executor, Function<List<Object>, String> sentKey) {
    this.executor = executor;
    this.sentKey = sentKey;
  }

  int execute(
      Connection connection,
      ChunkStatement statement,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<Object>> rows,
      ChunkApplier.SqlForRows sql) {
    try {
      Savepoint savepoint = connection.setSavepoint();
      try {
        int count = executor.execute(connection, columns, rows, sql);
        connection.releaseSavepoint(savepoint);
        return count;
      } catch (SQLException e) {
        SyncException failure =
            SyncException.fromSql(TableGate.where(statement) + "applying to " + table.name(), e);
        if (failure.code() == ErrorCode.LOCK_CONFLICT) {
          // MySQL has already rolled the whole transaction back, savepoint and all
          throw failure;
        }
        connection.rollback(savepoint);
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
          throw SyncException.fromSql("applying to " + table.name(), e);
        }
        throw locate(connection, statement, table, columns, rows, sql, e);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("applying to " + table.name(), e);
    }
  }

  private SyncException locate(
      Connection connection,
      ChunkStatement statement,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<Object>> rows,
      ChunkApplier.SqlForRows sql,
      SQLException whole)
      throws SQLException {
    for (List<Object> row : rows) {
      Savepoint savepoint = connection.setSavepoint();
      try {
        executor.execute(connection, columns, List.of(row), sql);
        connection.rollback(savepoint);
      } catch (SQLException e) {
        connection.rollback(savepoint);
        return new RowRejectedException(
            TableGate.where(statement), table.name(), keyOf(table, columns, row), e);
      }
    }
    return new SyncException(
        ErrorCode.APPLY_FAILED,
        TableGate.where(statement) + "table " + table.name() + ": " + whole.getMessage(),
        whole);
  }

  private String keyOf(TableMeta table, List<ColumnMeta> columns, List<Object> row) {
    String sent = sentKey.apply(row);
    if (sent != null) {
      return sent;
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (table.primaryKey().contains(columns.get(i).name())) {
        key.append(key.length() == 0 ? "" : "|").append(KeyText.of(row.get(i)));
      }
    }
    return key.toString();
  }

  /** Executes our statement for a list of rows. */
  @FunctionalInterface
  interface RowsExecutor {
    int execute(
        Connection c,
        List<ColumnMeta> columns,
        List<List<Object>> rows,
        ChunkApplier.SqlForRows sql)
        throws SQLException;
  }
}
