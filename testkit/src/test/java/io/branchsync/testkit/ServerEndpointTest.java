package io.branchsync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerEndpointTest {

  @Test
  void takesCredentialsOutOfTheUrl() {
    JdbcUrl given =
        JdbcUrl.parse(
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=pw", "test");

    ServerEndpoint endpoint = ServerEndpoint.of(TestDialect.POSTGRESQL, given, null, null);

    assertEquals("postgres", endpoint.user());
    assertEquals("pw", endpoint.password());
    assertEquals("jdbc:postgresql://127.0.0.1:5432/postgres", endpoint.serverUrl().toString());
  }

  @Test
  void explicitCredentialsWinOverTheUrl() {
    JdbcUrl given = JdbcUrl.parse("jdbc:mysql://127.0.0.1:3306/?user=root", "test");

    ServerEndpoint endpoint = ServerEndpoint.of(TestDialect.MARIADB, given, "sync", "");

    assertEquals("sync", endpoint.user());
    assertEquals("", endpoint.password());
  }

  @Test
  void postgresUrlWithoutDatabaseAdministersThePostgresDatabase() {
    JdbcUrl given = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/", "test");

    ServerEndpoint endpoint = ServerEndpoint.of(TestDialect.POSTGRESQL, given, "postgres", "");

    assertEquals("postgres", endpoint.serverUrl().database());
    assertEquals(
        "jdbc:postgresql://127.0.0.1:5432/bs_postgresql_x",
        endpoint.databaseUrl("bs_postgresql_x").toString());
  }

  @Test
  void mysqlUrlCarriesWhatTheSyncEngineReliesOn() {
    JdbcUrl given = JdbcUrl.parse("jdbc:mysql://127.0.0.1:3306/test?user=root", "test");

    JdbcUrl url =
        ServerEndpoint.of(TestDialect.MARIADB, given, null, null).databaseUrl("bs_mariadb_x");

    assertEquals("bs_mariadb_x", url.database());
    assertEquals(Optional.of("false"), url.param("allowMultiQueries"));
    assertEquals(Optional.of("true"), url.param("rewriteBatchedStatements"));
    assertEquals(Optional.of("false"), url.param("useServerPrepStmts"));
    assertEquals(Optional.of("UTF-8"), url.param("characterEncoding"));
    assertEquals(Optional.of("UTC"), url.param("connectionTimeZone"));
    assertEquals(Optional.of("true"), url.param("forceConnectionTimeZoneToSession"));
    assertEquals(Optional.of("false"), url.param("useSSL"));
    assertEquals(Optional.of("true"), url.param("allowPublicKeyRetrieval"));
    assertFalse(url.param("user").isPresent());
  }

  @Test
  void mysqlUrlKeepsGivenTlsChoiceButNotMultiQueries() {
    JdbcUrl given =
        JdbcUrl.parse("jdbc:mysql://db:3306/?useSSL=true&allowMultiQueries=true", "test");

    JdbcUrl url = ServerEndpoint.of(TestDialect.MARIADB, given, "u", "p").serverUrl();

    assertEquals(Optional.of("true"), url.param("useSSL"));
    assertEquals(Optional.of("false"), url.param("allowMultiQueries"));
  }

  @Test
  void mariadbSchemeBecomesConnectorJScheme() {
    JdbcUrl given = JdbcUrl.parse("jdbc:mariadb://127.0.0.1:3306/", "test");

    JdbcUrl url = ServerEndpoint.of(TestDialect.MARIADB, given, "root", "").serverUrl();

    assertTrue(url.toString().startsWith("jdbc:mysql://127.0.0.1:3306/?"), url.toString());
  }

  @Test
  void neverShowsThePassword() {
    JdbcUrl given = JdbcUrl.parse("jdbc:postgresql://h/db", "test");

    String shown = ServerEndpoint.of(TestDialect.POSTGRESQL, given, "u", "secret").toString();

    assertFalse(shown.contains("secret"), shown);
  }
}
