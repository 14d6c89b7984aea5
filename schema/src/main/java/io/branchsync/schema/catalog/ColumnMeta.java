package io.branchsync.schema.catalog;

/**
 * One column as the database describes it.
 *
 * @param name lower-case column name
 * @param kind how values are read and bound
 * @param jdbcType the JDBC type code, used when binding NULL
 * @param autoIncrement whether the database fills it from a sequence or AUTO_INCREMENT
 */
public record ColumnMeta(String name, ColumnKind kind, int jdbcType, boolean autoIncrement) {}
