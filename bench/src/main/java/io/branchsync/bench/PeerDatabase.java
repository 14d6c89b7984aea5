package io.branchsync.bench;

import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.Dialects;
import io.branchsync.schema.migration.SchemaMigrator;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An empty copy of the retail schema for the peers to load into: the same tables, keys and foreign
 * keys as a shop's, without BranchSync's capture triggers, since a user copying tables with other
 * tools would have none.
 */
final class PeerDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final Dialect dialect;

  private PeerDatabase(TestDatabase database) {
    this.database = database;
    this.dialect = Dialects.detect(database.dataSource());
  }

  static PeerDatabase create(TestDialect family) {
    TestDatabase database = TestDatabases.create(family);
    try {
      PeerDatabase peer = new PeerDatabase(database);
      new SchemaMigrator(database.dataSource(), peer.dialect, List.of(SchemaMigrator.RETAIL))
          .migrate();
      return peer;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  TestDatabase database() {
    return database;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Empties the tables, so every load starts from the same state. */
  void empty(List<String> tables) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      if (database.dialect() == TestDialect.POSTGRESQL) {
        // CASCADE: sale and the other tables pointing at these are empty anyway
        s.execute(
            "TRUNCATE "
                + String.join(", ", tables.stream().map(dialect::quote).toList())
                + " CASCADE");
      } else {
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
        for (String table : tables) {
          s.execute("TRUNCATE TABLE " + dialect.quote(table));
        }
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
    }
  }

  /** The rows now in the tables. */
  long count(List<String> tables) throws SQLException {
    long rows = 0;
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + dialect.quote(table))) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  @Override
  public void close() {
    database.close();
  }
}
