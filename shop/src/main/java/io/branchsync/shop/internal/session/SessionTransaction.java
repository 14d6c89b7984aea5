package io.branchsync.shop.internal.session;

import io.branchsync.protocol.message.FinishResult;
import io.branchsync.schema.apply.ApplyResult;
import io.branchsync.schema.apply.ChunkApplier;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.shop.internal.db.ShopDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The database transaction an insertion session holds open: one connection of the shop's pool,
 * autocommit off, writes marked as coming from the office (origin 0) so that the shop's capture
 * does not send them back. Statements are applied as their chunks arrive and stay invisible to
 * others until {@link #commit()}; closing without a commit rolls everything back, and a server that
 * dies meanwhile loses the transaction with its connection.
 */
final class SessionTransaction implements AutoCloseable {

  private static final int OFFICE = 0;

  private final ShopDatabase database;
  private final Connection connection;
  private final ChunkApplier applier;
  private ApplyResult applied = ApplyResult.NONE;
  private boolean committed;

  private SessionTransaction(ShopDatabase database, Connection connection, ChunkApplier applier) {
    this.database = database;
    this.connection = connection;
    this.applier = applier;
  }

  /**
   * Borrows a connection and starts the transaction.
   *
   * @param database the shop's database
   * @param allowed lower-case names of the tables the office may write
   * @return the open transaction
   * @throws SQLException if no connection can be had or it refuses the settings
   */
  static SessionTransaction begin(ShopDatabase database, Set<String> allowed) throws SQLException {
    Connection connection = database.connect();
    try {
      // read committed: locking reads lock the rows found, not the gaps where new keys go, so
      // the apply's up-front locks never hold back a till's insert
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(false);
      database.dialect().setOrigin(connection, OFFICE);
      ChunkApplier applier =
          new ChunkApplier(database.dialect(), database.catalog(connection), allowed, true);
      return new SessionTransaction(database, connection, applier);
    } catch (SQLException | RuntimeException | Error e) {
      new SessionTransaction(database, connection, null).close();
      throw e;
    }
  }

  /**
   * Applies one statement inside the transaction.
   *
   * @param statement a statement already checked against the grammar and the policy
   * @throws io.branchsync.schema.SyncException for a statement the database or the gate refused
   */
  void apply(ChunkStatement statement) {
    applied = applied.plus(applier.apply(connection, statement));
  }

  /**
   * Commits everything applied, once no row moved aside for another still holds its value.
   *
   * @return the statements and rows applied
   * @throws SQLException if the commit fails; nothing was committed unless the connection was lost
   *     during it
   * @throws io.branchsync.schema.RowRejectedException for a row whose unique value another row
   *     keeps at the end of the session; nothing is committed
   */
  FinishResult commit() throws SQLException {
    applier.finish();
    connection.commit();
    committed = true;
    return new FinishResult(applied.statements(), applied.rows());
  }

  /** Rolls back what was not committed and gives the connection back to the pool. */
  @Override
  public void close() {
    try {
      if (!committed) {
        connection.rollback();
      }
      database.dialect().clearOrigin(connection);
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // lost, or MySQL keeps the origin mark on it: never lend it out again (the database rolls
      // back a transaction whose connection is gone)
      database.evict(connection);
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        // already gone; the pool replaces it
      }
    }
  }
}
