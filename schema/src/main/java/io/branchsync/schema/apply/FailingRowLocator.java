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

/**
 * Runs a multi-row statement under a savepoint; when the database rejects it, finds the first row
 * it rejects on its own so the error names the table, the key and the database's reason.
 */
final class FailingRowLocator {
  private final RowsExecutor executor;

  FailingRowLocator(RowsExecutor executor) {
    this.executor = executor;
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
        if (LockConflicts.isLockConflict(e)) {
          // MySQL has already rolled the whole transaction back, savepoint and all
          throw new SyncException(ErrorCode.LOCK_CONFLICT, TableGate.where(statement) + "table "
              + table.name() + ": a till held rows this apply needed (" + e.getMessage()
              + "); rolled back, to be sent again", e);
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
    return new SyncException(ErrorCode.APPLY_FAILED,
        TableGate.where(statement) + "table " + table.name() + ": " + whole.getMessage(), whole);
  }

  private static String keyOf(TableMeta table, List<ColumnMeta> columns, List<Object> row) {
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
    int execute(Connection c, List<ColumnMeta> columns, List<List<Object>> rows,
        ChunkApplier.SqlForRows sql) throws SQLException;
  }
}
