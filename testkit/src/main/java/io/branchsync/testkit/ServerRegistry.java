package io.branchsync.testkit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's one server per dialect, resolved on first use and kept until the JVM exits; and the
 * databases made on them that are still open.
 */
final class ServerRegistry {

  static final ServerRegistry INSTANCE = new ServerRegistry();

  private static final Logger LOG = LoggerFactory.getLogger(ServerRegistry.class);

  private final Map<TestDialect, Slot> slots = new EnumMap<>(TestDialect.class);
  private final Set<ScratchDatabase> openDatabases = ConcurrentHashMap.newKeySet();
  private final ScratchDirectory scratch = new ScratchDirectory();
  private final List<ServerHandle> started = new ArrayList<>();

  private ServerRegistry() {
    for (TestDialect dialect : TestDialect.values()) {
      slots.put(dialect, new Slot(dialect));
    }
    Thread hook = new Thread(this::shutDown, "branchsync-testkit-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The server for {@code dialect}, resolving and starting it on first call. */
  ResolvedServer server(TestDialect dialect) {
    return slots.get(dialect).get();
  }

  ScratchDatabase createDatabase(TestDialect dialect) {
    ResolvedServer server = server(dialect);
    String name = ScratchDatabase.newName(dialect);
    try (Connection admin = server.handle().endpoint().connectAdmin()) {
      DatabaseAdmin.of(dialect).create(admin, name);
    } catch (SQLException e) {
      throw new TestDatabaseException(
          "Could not create test database "
              + name
              + " on "
              + server.description()
              + ": "
              + e.getMessage(),
          e);
    }
    ScratchDatabase database =
        new ScratchDatabase(server.handle().endpoint(), name, openDatabases::remove);
    openDatabases.add(database);
    LOG.debug("Created test database {} on {}", name, server.description());
    return database;
  }

  private void shutDown() {
    for (ScratchDatabase database : List.copyOf(openDatabases)) {
      LOG.warn("Test database {} was left open; dropping it", database.name());
      try {
        database.close();
      } catch (TestDatabaseException e) {
        LOG.warn("{}", e.getMessage());
      }
    }
    List<ServerHandle> toStop;
    synchronized (started) {
      toStop = List.copyOf(started);
    }
    toStop.forEach(handle -> handle.stopper().run());
    try {
      scratch.delete();
    } catch (IOException e) {
      LOG.warn("Could not delete the embedded servers' scratch directory: {}", e.toString());
    }
  }

  /** A server with the description {@link TestDatabases#describe(TestDialect)} gives. */
  record ResolvedServer(ServerHandle handle, String description) {}

  /** Resolves one dialect's server once; a failure is remembered, not retried. */
  private final class Slot {
    private final TestDialect dialect;
    private ResolvedServer server;
    private TestDatabaseException failure;

    Slot(TestDialect dialect) {
      this.dialect = dialect;
    }

    synchronized ResolvedServer get() {
      if (server != null) {
        return server;
      }
      if (failure != null) {
        throw new TestDatabaseException(
            "Gave up on a " + dialect + " test server earlier in this JVM: " + failure.getMessage(),
            failure);
      }
      try {
        server = resolve();
        return server;
      } catch (TestDatabaseException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = new TestDatabaseException("No " + dialect + " test server: " + e.getMessage(), e);
      }
      throw failure;
    }

    private ResolvedServer resolve() {
      long start = System.nanoTime();
      ServerHandle handle = ServerResolver.resolve(dialect, scratch);
      synchronized (started) {
        started.add(handle);
      }
      String productVersion;
      try (Connection admin = handle.endpoint().connectAdmin()) {
        productVersion = DatabaseAdmin.of(dialect).productVersion(admin);
      } catch (SQLException e) {
        throw new TestDatabaseException(
            "Cannot log in to the "
                + dialect
                + " test "
                + handle.origin().describe("server", handle.detail())
                + ": "
                + e.getMessage(),
            e);
      }
      String description = handle.origin().describe(productVersion, handle.detail());
      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info("{} test databases: {}, ready in {} ms", dialect, description, millis);
      return new ResolvedServer(handle, description);
    }
  }
}
