package io.branchsync.testkit;

import java.util.Optional;

/**
 * The settings that point the test kit at existing servers. Each is read from a Java system
 * property of that name, else from the environment variable of that name; blank counts as unset.
 */
enum TestkitSetting {
  PG_URL(
      "BRANCHSYNC_TEST_PG_URL",
      "a JDBC URL of a PostgreSQL server to create test databases on, e.g. "
          + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
  PG_USER(
      "BRANCHSYNC_TEST_PG_USER", "user for BRANCHSYNC_TEST_PG_URL; overrides its user parameter"),
  PG_PASSWORD(
      "BRANCHSYNC_TEST_PG_PASSWORD",
      "password for BRANCHSYNC_TEST_PG_URL; overrides its password parameter"),
  MYSQL_URL(
      "BRANCHSYNC_TEST_MYSQL_URL",
      "a JDBC URL of a MySQL or MariaDB server to create test databases on, e.g. "
          + "jdbc:mysql://127.0.0.1:3306/?user=root"),
  MYSQL_USER(
      "BRANCHSYNC_TEST_MYSQL_USER",
      "user for BRANCHSYNC_TEST_MYSQL_URL; overrides its user parameter"),
  MYSQL_PASSWORD(
      "BRANCHSYNC_TEST_MYSQL_PASSWORD",
      "password for BRANCHSYNC_TEST_MYSQL_URL; overrides its password parameter");

  private final String key;
  private final String description;

  TestkitSetting(String key, String description) {
    this.key = key;
    this.description = description;
  }

  String key() {
    return key;
  }

  String description() {
    return description;
  }

  /** The value, a system property winning over the environment so one run can override. */
  Optional<String> value() {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = System.getenv(key);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  static TestkitSetting url(TestDialect dialect) {
    return dialect == TestDialect.POSTGRESQL ? PG_URL : MYSQL_URL;
  }

  static TestkitSetting user(TestDialect dialect) {
    return dialect == TestDialect.POSTGRESQL ? PG_USER : MYSQL_USER;
  }

  static TestkitSetting password(TestDialect dialect) {
    return dialect == TestDialect.POSTGRESQL ? PG_PASSWORD : MYSQL_PASSWORD;
  }
}
