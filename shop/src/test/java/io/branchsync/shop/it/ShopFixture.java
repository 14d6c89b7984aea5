package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.shop.SecretHasher;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopInitializer;
import io.branchsync.shop.ShopServer;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/**
 * A shop for integration tests: a fresh database of one dialect, initialized for branch {@value
 * #BRANCH}, a secret file, and a server on a free loopback port speaking plain HTTP. Closing it
 * stops the servers and drops the database.
 */
public final class ShopFixture implements AutoCloseable {

  public static final int BRANCH = 3;
  public static final String USER = "branch-" + BRANCH;
  public static final String SECRET = "correct horse battery staple 42";

  public final TestDialect which;
  public final TestDatabase db;
  public final Path dir;
  public final SqlDialect sqlDialect;
  private final Map<String, String> base;
  private ShopServer server;

  private ShopFixture(TestDialect which, Map<String, String> overrides) throws IOException {
    this.which = which;
    this.db = TestDatabases.create(which);
    this.dir = Files.createTempDirectory("shop-it-");
    this.sqlDialect = which == TestDialect.POSTGRESQL ? SqlDialect.POSTGRESQL : SqlDialect.MYSQL;
    Path secret = dir.resolve("secret");
    Files.writeString(secret, SecretHasher.hash(SECRET.toCharArray()) + "\n");
    base = new HashMap<>();
    base.put("branch", Integer.toString(BRANCH));
    base.put("listen", "127.0.0.1:0");
    base.put("db.url", db.jdbcUrl());
    base.put("db.user", db.user());
    base.put("db.password", db.password());
    base.put("secret.file", secret.toString());
    base.put("http.plain", "true");
    base.put("staging.dir", dir.resolve("staging").toString());
    base.putAll(overrides);
    ShopInitializer.init(config(Map.of()));
  }

  /** A new database, initialized, with a running server. */
  public static ShopFixture start(TestDialect which, Map<String, String> overrides) {
    try {
      ShopFixture fixture = new ShopFixture(which, overrides);
      fixture.server = ShopServer.start(fixture.config(Map.of()));
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new database, initialized, with no server running: for a server started another way. */
  public static ShopFixture prepare(TestDialect which, Map<String, String> overrides) {
    try {
      return new ShopFixture(which, overrides);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the fixture's configuration, with some values replaced, as a properties file. */
  public Path writeConfig(Map<String, String> overrides) throws IOException {
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(base);
    properties.putAll(overrides);
    Path file = dir.resolve("shop.properties");
    try (var out = Files.newBufferedWriter(file)) {
      properties.store(out, null);
    }
    return file;
  }

  /** The fixture's configuration with some values replaced. */
  public ShopConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(base);
    values.putAll(overrides);
    return ShopConfig.fromMap(values);
  }

  public ShopServer server() {
    return server;
  }

  /** Stops the server and starts a new one on the same database and staging directory. */
  public ShopServer restart() {
    server.close();
    server = ShopServer.start(config(Map.of()));
    return server;
  }

  public XmlRpcClient client() {
    return client(server, USER, SECRET);
  }

  public static XmlRpcClient client(ShopServer server, String user, String password) {
    return client(server.url(), user, password);
  }

  /** A client of the shop at {@code url}, wherever it runs. */
  public static XmlRpcClient client(java.net.URI url, String user, String password) {
    try {
      XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
      config.setServerURL(url.toURL());
      config.setBasicUserName(user);
      config.setBasicPassword(password);
      config.setEnabledForExtensions(false);
      config.setReplyTimeout(60_000);
      XmlRpcClient client = new XmlRpcClient();
      client.setConfig(config);
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Object call(String method, Object... params) throws XmlRpcException {
    return client().execute(method, params);
  }

  /** Calls a method that must fail, and returns its fault. */
  public XmlRpcException fault(String method, Object... params) {
    return assertThrows(XmlRpcException.class, () -> call(method, params));
  }

  /** One chunk in this shop's dialect holding the statements. */
  public byte[] chunk(List<? extends ChunkStatement> statements) {
    StringBuilder sql = new StringBuilder();
    SqlChunkWriter writer = SqlChunkWriter.forDialect(sqlDialect);
    statements.forEach(s -> writer.write(s, sql));
    return ChunkCodec.encode(sql.toString());
  }

  public long count(String table) throws SQLException {
    return longValue("SELECT COUNT(*) FROM " + table);
  }

  public long longValue(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public String stringValue(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public void exec(String... sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      db.close();
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temporary files only
    }
  }
}
