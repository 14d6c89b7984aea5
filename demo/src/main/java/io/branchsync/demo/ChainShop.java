package io.branchsync.demo;

import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.Dialects;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopServer;
import io.branchsync.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** One shop of a local chain: its database, its config and, while serving, its XML-RPC server. */
public final class ChainShop implements AutoCloseable {
  private final int branch;
  private final TestDatabase database;
  private final ShopConfig config;
  private final Dialect dialect;
  private final String secret;
  private ShopServer server;

  ChainShop(int branch, TestDatabase database, Map<String, String> settings, String secret) {
    this.branch = branch;
    this.secret = secret;
    this.database = database;
    this.config = ShopConfig.fromMap(settings);
    this.dialect = Dialects.detect(database.dataSource());
  }

  public int branch() {
    return branch;
  }

  /** The branch secret in clear, for a test or a second office that must authenticate. */
  public String secret() {
    return secret;
  }

  public TestDatabase database() {
    return database;
  }

  public Dialect dialect() {
    return dialect;
  }

  public ShopConfig config() {
    return config;
  }

  public Connection connect() throws SQLException {
    return database.connect();
  }

  /** Starts (or restarts) the server; the listening port may change on a restart. */
  public ShopServer start() {
    server = ShopServer.start(config);
    return server;
  }

  public ShopServer server() {
    return server;
  }

  /** Stops the server as a shutdown would: open sessions are rolled back. */
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
    database.close();
  }
}
