package io.branchsync.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A database this test kit created, dropped on {@link #close()}. */
final class ScratchDatabase implements TestDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);

  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int RANDOM_LENGTH = 10;

  private final ServerEndpoint server;
  private final String name;
  private final String url;
  private final DataSource dataSource;
  private final Consumer<ScratchDatabase> afterDrop;
  private final AtomicBoolean closed = new AtomicBoolean();

  ScratchDatabase(ServerEndpoint server, String name, Consumer<ScratchDatabase> afterDrop) {
    this.server = server;
    this.name = name;
    this.url = server.databaseUrl(name).toString();
    this.dataSource = new DriverManagerDataSource(url, server.user(), server.password());
    this.afterDrop = afterDrop;
  }

  /**
   * A new name like {@code bs_mariadb_0k4x9q2m7a}: lower case, so no server folds or quotes it
   * differently, and random, so concurrent builds sharing one server do not collide.
   */
  static String newName(TestDialect dialect) {
    StringBuilder name = new StringBuilder("bs_").append(dialect.token()).append('_');
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      name.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return name.toString();
  }

  @Override
  public TestDialect dialect() {
    return server.dialect();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String jdbcUrl() {
    return url;
  }

  @Override
  public String user() {
    return server.user();
  }

  @Override
  public String password() {
    return server.password();
  }

  @Override
  public Connection connect() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try (Connection admin = server.connectAdmin()) {
      DatabaseAdmin.of(dialect()).drop(admin, name);
      LOG.debug("Dropped test database {}", name);
    } catch (SQLException e) {
      throw new TestDatabaseException(
          "Could not drop test database "
              + name
              + " at "
              + server.serverUrl().masked()
              + ": "
              + e.getMessage(),
          e);
    } finally {
      afterDrop.accept(this);
    }
  }

  @Override
  public String toString() {
    return dialect() + " " + name;
  }
}
