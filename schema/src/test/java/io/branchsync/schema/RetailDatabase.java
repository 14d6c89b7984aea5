package io.branchsync.schema;

import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.Dialects;
import io.branchsync.schema.migration.SchemaMigrator;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A fresh database with the sync metadata and the demo retail schema, dropped on close. */
public final class RetailDatabase implements AutoCloseable {
  public final TestDatabase db;
  public final Dialect dialect;
  public final PolicySet policies = PolicySetLoader.load("retail");

  public RetailDatabase(TestDialect which) {
    this.db = TestDatabases.create(which);
    this.dialect = Dialects.detect(db.dataSource());
    new SchemaMigrator(db.dataSource(), dialect, List.of(SchemaMigrator.RETAIL)).migrate();
  }

  /** Installs capture on the tables whose policy matches. */
  public RetailDatabase capture(Predicate<Policy> which, boolean logRemote) throws SQLException {
    try (Connection c = connect()) {
      new CaptureInstaller(dialect).install(c, policies.tables(which), logRemote);
    }
    return this;
  }

  public Connection connect() throws SQLException {
    return db.connect();
  }

  public SchemaCatalog catalog() throws SQLException {
    try (Connection c = connect()) {
      return SchemaCatalog.read(c);
    }
  }

  public void exec(String... sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  public long count(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every row of a query as strings, for comparing copies. */
  public List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public void close() {
    db.close();
  }
}
