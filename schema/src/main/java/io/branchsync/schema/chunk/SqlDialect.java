package io.branchsync.schema.chunk;

import java.util.Objects;

/**
 * The SQL dialect a chunk is written in: the receiving database's own.
 *
 * <p>MariaDB shares {@link #MYSQL}; chunks use only syntax both accept.
 */
public enum SqlDialect {
  /** PostgreSQL, with {@code standard_conforming_strings} on (the default since 9.1). */
  POSTGRESQL("postgresql"),
  /** MySQL and MariaDB, with backslash escapes in strings (the default SQL mode). */
  MYSQL("mysql");

  private final String wireName;

  SqlDialect(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used on the wire, for example in the {@code dialect} field of {@code info}.
   *
   * @return {@code "postgresql"} or {@code "mysql"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The dialect with the given wire name.
   *
   * @param wireName {@code "postgresql"} or {@code "mysql"}, exactly
   * @return the dialect
   * @throws IllegalArgumentException for any other name
   */
  public static SqlDialect fromWire(String wireName) {
    Objects.requireNonNull(wireName, "wireName");
    for (SqlDialect dialect : values()) {
      if (dialect.wireName.equals(wireName)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unknown SQL dialect '" + wireName + "', expected 'postgresql' or 'mysql'");
  }
}
