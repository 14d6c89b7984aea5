package io.branchsync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CreateAndDropIT {

  private static final Logger LOG = LoggerFactory.getLogger(CreateAndDropIT.class);

  private static final String FOX = "first 🦊";
  private static final String ELEPHANT = "second 🐘 ünïcødé ✓";

  @BothDialects
  void describeNamesTheServerInUse(TestDialect dialect) {
    String description = TestDatabases.describe(dialect);

    LOG.info("{}: {}", dialect, description);
    String product = dialect == TestDialect.POSTGRESQL ? "PostgreSQL" : "M";
    assertTrue(description.contains(product), description);
  }

  @BothDialects
  void twoDatabasesKeepTheirOwnRowsWithEmoji(TestDialect dialect) throws SQLException {
    try (TestDatabase first = TestDatabases.create(dialect);
        TestDatabase second = TestDatabases.create(dialect)) {
      assertNotEquals(first.name(), second.name());

      insertNote(first, FOX);
      insertNote(second, ELEPHANT);

      assertEquals(List.of(FOX), notes(first));
      assertEquals(List.of(ELEPHANT), notes(second));
    }
  }

  @BothDialects
  void closedDatabaseIsGone(TestDialect dialect) throws SQLException {
    TestDatabase observer = TestDatabases.create(dialect);
    TestDatabase doomed = TestDatabases.create(dialect);
    insertNote(doomed, FOX);

    doomed.close();

    assertFalse(exists(observer, doomed.name()));
    assertTrue(exists(observer, observer.name()));
    observer.close();
    SQLException refused = assertThrows(SQLException.class, () -> observer.connect().close());
    LOG.info(
        "{}: connecting to a dropped database: {} {}",
        dialect,
        refused.getSQLState(),
        refused.getMessage());
  }

  @BothDialects
  void closeIsIdempotent(TestDialect dialect) {
    TestDatabase db = TestDatabases.create(dialect);

    db.close();
    db.close();
  }

  @BothDialects
  void closeEndsConnectionsLeftOpenInsideATransaction(TestDialect dialect) throws SQLException {
    TestDatabase db = TestDatabases.create(dialect);
    insertNote(db, FOX);
    Connection leaked = db.connect();
    leaked.setAutoCommit(false);
    try (Statement st = leaked.createStatement()) {
      // Holds row and metadata locks that a plain DROP DATABASE would wait for.
      st.executeUpdate("UPDATE note SET body = 'locked' WHERE id = 1");
    }

    db.close();

    try (TestDatabase observer = TestDatabases.create(dialect)) {
      assertFalse(exists(observer, db.name()));
    }
    assertThrows(SQLException.class, () -> leaked.createStatement().executeQuery("SELECT 1"));
    leaked.close();
  }

  @BothDialects
  void textIsUtf8AndComparesExactly(TestDialect dialect) throws SQLException {
    try (TestDatabase db = TestDatabases.create(dialect)) {
      insertNote(db, "a");

      assertEquals(0, count(db, "SELECT count(*) FROM note WHERE body = 'A'"));
      assertEquals(1, count(db, "SELECT count(*) FROM note WHERE body = 'a'"));
      assertEquals(
          dialect == TestDialect.POSTGRESQL ? "UTF8" : "utf8mb4/utf8mb4_bin", encoding(db));
    }
  }

  @BothDialects
  void dataSourceReachesTheSameDatabase(TestDialect dialect) throws SQLException {
    try (TestDatabase db = TestDatabases.create(dialect);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                dialect == TestDialect.POSTGRESQL
                    ? "SELECT current_database()"
                    : "SELECT DATABASE()")) {
      rs.next();
      assertEquals(db.name(), rs.getString(1));
    }
  }

  @Test
  void mariadbSessionsRunInUtc() throws SQLException {
    try (TestDatabase db = TestDatabases.create(TestDialect.MARIADB);
        Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT @@session.time_zone")) {
      rs.next();
      assertEquals("+00:00", rs.getString(1));
    }
  }

  private static void insertNote(TestDatabase db, String body) throws SQLException {
    try (Connection c = db.connect()) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(100) NOT NULL)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO note (id, body) VALUES (1, ?)")) {
        ps.setString(1, body);
        ps.executeUpdate();
      }
    }
  }

  private static List<String> notes(TestDatabase db) throws SQLException {
    List<String> bodies = new ArrayList<>();
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT body FROM note ORDER BY id")) {
      while (rs.next()) {
        bodies.add(rs.getString(1));
      }
    }
    return bodies;
  }

  private static boolean exists(TestDatabase observer, String name) throws SQLException {
    String sql =
        observer.dialect() == TestDialect.POSTGRESQL
            ? "SELECT count(*) FROM pg_database WHERE datname = ?"
            : "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
    try (Connection c = observer.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  private static int count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String encoding(TestDatabase db) throws SQLException {
    String sql =
        db.dialect() == TestDialect.POSTGRESQL
            ? "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"
            : "SELECT CONCAT(@@character_set_database, '/', @@collation_database)";
    try (Connection c = db.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
