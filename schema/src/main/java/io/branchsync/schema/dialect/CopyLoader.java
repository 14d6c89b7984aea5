package io.branchsync.schema.dialect;

import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Loads rows in PostgreSQL's COPY text format through the driver's COPY API. */
public interface CopyLoader {
  /**
   * Streams {@code data} (COPY text rows, without the ending {@code \.}) into the table; returns
   * rows loaded.
   */
  long copyIn(Connection connection, String table, List<String> columns, Reader data)
      throws SQLException;
}
