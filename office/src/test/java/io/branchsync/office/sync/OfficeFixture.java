package io.branchsync.office.sync;

import io.branchsync.office.config.OfficeConfig;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.util.Map;

/** A fresh office database, initialized with the retail policy set, dropped on close. */
public final class OfficeFixture implements AutoCloseable {
  private final TestDatabase database;
  private final Office office;

  public OfficeFixture(TestDialect dialect) {
    this.database = TestDatabases.create(dialect);
    this.office = open();
    office.initialize("retail");
  }

  /** Another office process on the same database, with its own pool. */
  public Office open() {
    return Office.open(
        OfficeConfig.of(
            Map.of(
                "db.url",
                database.jdbcUrl(),
                "db.user",
                database.user(),
                "db.password",
                database.password()),
            Map.of()),
        Map.of());
  }

  public Office office() {
    return office;
  }

  @Override
  public void close() throws Exception {
    office.close();
    database.close();
  }
}
