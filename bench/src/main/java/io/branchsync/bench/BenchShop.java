package io.branchsync.bench;

import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopServer;
import io.branchsync.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** One shop of a bench chain: its own database and its XML-RPC server on loopback. */
public final class BenchShop implements AutoCloseable {
  private final int branch;
  private final TestDatabase database;
  private final ShopConfig config;
  private ShopServer server;

  BenchShop(int branch, TestDatabase database, ShopConfig config) {
    this.branch = branch;
    this.database = database;
    this.config = config;
  }

  public int branch() {
    return branch;
  }

  public TestDatabase database() {
    return database;
  }

  public ShopConfig config() {
    return config;
  }

  public ShopServer server() {
    return server;
  }

  public Connection connect() throws SQLException {
    return database.connect();
  }

  void start() {
    server = ShopServer.start(config);
  }

  /** Stops the server and drops the database. */
  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
        server = null;
      }
    } finally {
      database.close();
    }
  }
}
