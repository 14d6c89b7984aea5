package io.branchsync.schema.catalog;

/**
 * One column as the database describes it.
 *
 * @param name lower-case column name
 * @param kind how values are read, parsed and bound
 * @param jdbcType the JDBC type code, used when binding NULL
 * @param autoIncrement whether the database fills it from a sequence or AUTO_INCREMENT
 * @param typeName the database's own type name ({@code timestamptz}, {@code varchar})
 * @param size characters of a text column, precision of a decimal; 0 when unknown
 * @param scale digits after the point of a decimal; 0 otherwise
 * @param nullable whether the column takes NULL
 */
public record ColumnMeta(
    String name,
    ColumnKind kind,
    int jdbcType,
    boolean autoIncrement,
    String typeName,
    int size,
    int scale,
    boolean nullable) {

  /** A column known only by name, kind and JDBC type (tests, callers that build tables). */
  public ColumnMeta(String name, ColumnKind kind, int jdbcType, boolean autoIncrement) {
    this(name, kind, jdbcType, autoIncrement, "", 0, 0, true);
  }
}
