package io.branchsync.office.sync;

import io.branchsync.schema.capture.RowFetcher;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.CopyBlock;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads a whole office table as a stream of bounded statements: COPY blocks for a PostgreSQL shop
 * (the fast path into empty tables), multi-row upserts otherwise. Only one statement's rows are in
 * memory at a time.
 */
final class TableStreamer {
  private final Dialect dialect;
  private final int rowsPerStatement;
  private final boolean copy;

  TableStreamer(Dialect officeDialect, int rowsPerStatement, boolean copy) {
    this.dialect = officeDialect;
    this.rowsPerStatement = rowsPerStatement;
    this.copy = copy;
  }

  long stream(Connection c, TableMeta table, Consumer<ChunkStatement> out) throws SQLException {
    String sql =
        "SELECT "
            + table.columns().stream()
                .map(col -> dialect.quote(col.name()))
                .collect(Collectors.joining(", "))
            + " FROM "
            + dialect.quote(table.name());
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    long rows = 0;
    try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      dialect.streamResults(s);
      try (ResultSet rs = s.executeQuery(sql)) {
        List<List<SqlValue>> part = new ArrayList<>(rowsPerStatement);
        while (rs.next()) {
          part.add(RowFetcher.readRow(rs, table.columns()));
          rows++;
          if (part.size() == rowsPerStatement) {
            out.accept(statement(table, part));
            part = new ArrayList<>(rowsPerStatement);
          }
        }
        if (!part.isEmpty()) {
          out.accept(statement(table, part));
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return rows;
  }

  private ChunkStatement statement(TableMeta table, List<List<SqlValue>> rows) {
    return copy
        ? new CopyBlock(table.name(), table.columnNames(), rows, 0)
        : new Upsert(table.name(), table.columnNames(), table.primaryKey(), rows, 0);
  }
}
