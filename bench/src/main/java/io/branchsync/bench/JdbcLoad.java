package io.branchsync.bench;

import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written peer: reads each table from one database with a streaming query and writes it
 * into another with multi-row INSERTs, every value bound, in one transaction.
 */
final class JdbcLoad {
  private final int rowsPerStatement;

  JdbcLoad(int rowsPerStatement) {
    this.rowsPerStatement = rowsPerStatement;
  }

  static String describe(int rowsPerStatement) {
    return "JDBC INSERT, " + rowsPerStatement + " rows per statement";
  }

  /** Copies the tables in the order given (parents first); returns the rows copied. */
  long copy(
      Connection from, Dialect fromDialect, Connection to, Dialect toDialect, List<String> tables)
      throws SQLException {
    boolean fromAutoCommit = from.getAutoCommit();
    from.setAutoCommit(false);
    to.setAutoCommit(false);
    long rows = 0;
    try {
      for (String table : tables) {
        rows += copyTable(from, fromDialect, to, toDialect, table);
      }
      to.commit();
      from.commit();
    } catch (SQLException | RuntimeException e) {
      to.rollback();
      throw e;
    } finally {
      to.setAutoCommit(true);
      from.setAutoCommit(fromAutoCommit);
    }
    return rows;
  }

  private long copyTable(
      Connection from, Dialect fromDialect, Connection to, Dialect toDialect, String table)
      throws SQLException {
    try (Statement s =
        from.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      fromDialect.streamResults(s);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + fromDialect.quote(table))) {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnName(i));
        }
        MultiRowInsert insert = new MultiRowInsert(to, toDialect, table, columns, rowsPerStatement);
        try (insert) {
          while (rs.next()) {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = rs.getObject(i + 1);
            }
            insert.add(row);
          }
        }
        return insert.rows();
      }
    }
  }
}
