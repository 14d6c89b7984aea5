package io.branchsync.schema.catalog;

import java.sql.Types;

/**
 * How BranchSync reads, writes and binds a column's values, derived from its JDBC type. Values
 * travel as exact text where possible so nothing is lost between dialects.
 */
public enum ColumnKind {
  INTEGER,
  DECIMAL,
  FLOAT,
  BOOLEAN,
  TEXT,
  TIMESTAMP,
  DATE,
  TIME,
  BINARY,
  OTHER;

  /** Maps a JDBC type (and its database type name, for the ambiguous cases) to a kind. */
  public static ColumnKind of(int jdbcType, String typeName, int size) {
    switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        return INTEGER;
      case Types.NUMERIC, Types.DECIMAL:
        return DECIMAL;
      case Types.REAL, Types.FLOAT, Types.DOUBLE:
        return FLOAT;
      case Types.BOOLEAN:
        return BOOLEAN;
      case Types.BIT:
        // MySQL reports TINYINT(1) and BIT(1) as BIT; PostgreSQL reports boolean as BIT too.
        return size <= 1 || "bool".equalsIgnoreCase(typeName) ? BOOLEAN : BINARY;
      case Types.CHAR,
      Types.VARCHAR,
      Types.LONGVARCHAR,
      Types.NCHAR,
      Types.NVARCHAR,
      Types.LONGNVARCHAR,
      Types.CLOB,
      Types.NCLOB:
        return TEXT;
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
        return TIMESTAMP;
      case Types.DATE:
        return DATE;
      case Types.TIME, Types.TIME_WITH_TIMEZONE:
        return TIME;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
        return BINARY;
      default:
        return OTHER;
    }
  }
}
