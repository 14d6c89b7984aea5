package io.branchsync.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOpenFailureTest {

  @Test
  void namesTheDatabasesReasonAndTheSettingWithoutTheWrapperOrThePassword() {
    RuntimeException pool =
        new RuntimeException(
            "Failed to initialize pool",
            new SQLException(
                "FATAL: password authentication failed for user \"shop\"\nmore advice"));

    SyncException e =
        DatabaseOpenFailure.of(
            "jdbc:postgresql://db:5432/shop?user=shop&password=hunter2", "db.url", pool);

    assertEquals(ErrorCode.DATABASE_UNAVAILABLE, e.code());
    assertEquals(
        "cannot open the database at jdbc:postgresql://db:5432/shop?user=shop"
            + "&password=<masked>: FATAL: password authentication failed for user \"shop\""
            + " (check db.url, the user and the password)",
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void aUrlOfAnotherDriverSaysWhichToWrite() {
    SyncException e =
        DatabaseOpenFailure.of(
            "jdbc:mariadb://127.0.0.1:3306/shop",
            "db.url",
            new RuntimeException("Failed to get driver instance"));

    assertTrue(
        e.getMessage().startsWith("db.url jdbc:mariadb://127.0.0.1:3306/shop: not a URL"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("jdbc:mysql://HOST:PORT/DATABASE (also for MariaDB)"),
        e.getMessage());
  }
}
