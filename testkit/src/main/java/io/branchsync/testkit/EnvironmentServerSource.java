package io.branchsync.testkit;

import java.util.Optional;

/** Resolution step 1: a server named by {@code BRANCHSYNC_TEST_PG_URL} / {@code _MYSQL_URL}. */
final class EnvironmentServerSource {

  private EnvironmentServerSource() {}

  /**
   * The server the settings name, if they name one.
   *
   * @throws TestDatabaseException if the URL setting is malformed or of the wrong driver
   */
  static Optional<ServerHandle> find(TestDialect dialect) {
    TestkitSetting urlSetting = TestkitSetting.url(dialect);
    Optional<String> url = urlSetting.value();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    JdbcUrl given;
    try {
      given = JdbcUrl.parse(url.get(), urlSetting.key());
    } catch (IllegalArgumentException e) {
      throw new TestDatabaseException(e.getMessage(), e);
    }
    checkScheme(dialect, urlSetting, given);
    ServerEndpoint endpoint =
        ServerEndpoint.of(
            dialect,
            given,
            TestkitSetting.user(dialect).value().orElse(null),
            TestkitSetting.password(dialect).value().orElse(null));
    return Optional.of(
        ServerHandle.external(endpoint, urlSetting.key() + " (" + given.masked() + ")"));
  }

  private static void checkScheme(TestDialect dialect, TestkitSetting setting, JdbcUrl given) {
    boolean fits =
        switch (dialect) {
          case POSTGRESQL -> given.scheme().equals("jdbc:postgresql:");
          case MARIADB ->
              given.scheme().equals("jdbc:mysql:") || given.scheme().equals("jdbc:mariadb:");
        };
    if (!fits) {
      throw new TestDatabaseException(
          setting.key() + " must be " + setting.description() + "; got " + given.masked());
    }
  }
}
