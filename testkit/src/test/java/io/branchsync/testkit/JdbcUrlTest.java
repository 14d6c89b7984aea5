package io.branchsync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

  @Test
  void parsesHostsDatabaseAndParameters() {
    JdbcUrl url =
        JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&ssl", "test");

    assertEquals("jdbc:postgresql:", url.scheme());
    assertEquals("127.0.0.1:5432", url.hosts());
    assertEquals("postgres", url.database());
    assertEquals(Optional.of("postgres"), url.param("user"));
    assertEquals(Optional.of(""), url.param("ssl"));
  }

  @Test
  void writesBackWhatItParsed() {
    String text = "jdbc:mysql://db1:3306,db2:3307/shop?useSSL=true&user=root";

    assertEquals(text, JdbcUrl.parse(text, "test").toString());
  }

  @Test
  void readsUrlWithoutDatabaseOrParameters() {
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://127.0.0.1:3306", "test");

    assertEquals("", url.database());
    assertEquals("jdbc:mysql://127.0.0.1:3306/", url.toString());
  }

  @Test
  void pointsAtAnotherDatabaseKeepingParameters() {
    JdbcUrl url = JdbcUrl.parse("jdbc:mysql://127.0.0.1:3306/?useSSL=false", "test");

    assertEquals(
        "jdbc:mysql://127.0.0.1:3306/bs_x?useSSL=false", url.withDatabase("bs_x").toString());
  }

  @Test
  void decodesParameterValues() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://h/db?password=p%40ss%26word", "test");

    assertEquals(Optional.of("p@ss&word"), url.param("password"));
  }

  @Test
  void masksPasswordInMessages() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://h/db?user=u&password=secret", "test");

    assertEquals("jdbc:postgresql://h/db?user=u&password=<masked>", url.masked());
  }

  @Test
  void rejectsUrlWithoutHostNamingItsSourceAndHidingThePassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JdbcUrl.parse("jdbc:postgresql:mydb?password=secret", "BRANCHSYNC_TEST_PG_URL"));

    assertTrue(e.getMessage().startsWith("BRANCHSYNC_TEST_PG_URL: "), e.getMessage());
    assertTrue(!e.getMessage().contains("secret"), e.getMessage());
  }
}
