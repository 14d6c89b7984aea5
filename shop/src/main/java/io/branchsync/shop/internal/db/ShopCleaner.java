package io.branchsync.shop.internal.db;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.ChangeLog;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Empties the tables of the shop's policy set (children first) and its change log, in one
 * transaction: whatever point it stops at, the shop is as it was or empty, never half-erased, on
 * either database (MySQL/MariaDB would commit each DDL statement on its own, so nothing here is
 * DDL). Every other table, and the schema itself, stays.
 *
 * <p>The change-log counter and the acknowledged position stay too, so a cursor the office holds is
 * still one this shop issued: an office that stops half-way through provisioning can resume without
 * being refused {@code BAD_CURSOR}.
 *
 * <p>Uncollected changes are counted by the same transaction that deletes them, under locks, so a
 * till sale committed after the office collected the shop's changes is found and, unless the
 * operator allowed it, the clean is refused and rolled back: a sale is never erased unseen.
 */
public final class ShopCleaner {
  private final ShopDatabase database;

  public ShopCleaner(ShopDatabase database) {
    this.database = database;
  }

  /**
   * Erases the policy tables and the change log.
   *
   * @param allowPending whether uncollected changes may be erased
   * @return the uncollected changes erased (0 unless allowed)
   * @throws ProtocolException {@link FaultCode#PENDING_CHANGES} if changes wait to be collected
   */
  public long clean(boolean allowPending) {
    Dialect dialect = database.dialect();
    try (Connection connection = database.connect()) {
      int isolation = connection.getTransactionIsolation();
      // read committed: the deletes skip rows a till has not committed yet instead of waiting
      // for them, and take no gap locks a till's next insert would wait on
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(false);
      try {
        // marked as applied by sync: the shop's capture triggers leave these deletes out
        dialect.setOrigin(connection, 0);
        try (Statement s = connection.createStatement()) {
          for (String table : childrenFirst(connection)) {
            empty(s, table);
          }
          long uncollected = s.executeUpdate("DELETE FROM sync_change");
          if (uncollected > 0 && !allowPending) {
            throw pendingChanges(uncollected);
          }
          connection.commit();
          return uncollected;
        }
      } catch (SyncException e) {
        connection.rollback();
        Optional<ProtocolException> refusal = tillsSoldMeanwhile(connection, allowPending);
        if (refusal.isPresent()) {
          throw refusal.get();
        }
        throw e;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        dialect.clearOrigin(connection);
        connection.setAutoCommit(true);
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("erasing the shop's synced tables", e);
    }
  }

  /**
   * A table that could not be emptied because a till committed a sale between two of the deletes
   * (its payment went in after payments were emptied, so its sale cannot go): that is a clean
   * refused for uncollected changes, which the office collects and asks again for, not a broken
   * schema.
   */
  private static Optional<ProtocolException> tillsSoldMeanwhile(
      Connection connection, boolean allowPending) {
    long pending = allowPending ? 0 : ChangeLog.pending(connection);
    return pending > 0 ? Optional.of(pendingChanges(pending)) : Optional.empty();
  }

  /** The refusal of a clean while {@code pending} changes wait to be collected. */
  public static ProtocolException pendingChanges(long pending) {
    return new ProtocolException(
        FaultCode.PENDING_CHANGES,
        "clean: "
            + pending
            + " changes wait to be collected with diff (clean.allow.pending is false);"
            + " nothing was erased");
  }

  private void empty(Statement statement, String table) {
    try {
      statement.executeUpdate("DELETE FROM " + database.dialect().quote(table));
    } catch (SQLException e) {
      // a table outside the policy set that refers to this one's rows (or a till's sale made
      // between two deletes, which the caller tells apart)
      throw new SyncException(
          ErrorCode.APPLY_FAILED,
          "clean: could not empty table " + table + " (" + e.getMessage() + "); nothing was erased",
          e);
    }
  }

  private List<String> childrenFirst(Connection connection) {
    SchemaCatalog catalog = database.catalog(connection);
    List<String> tables =
        new ArrayList<>(catalog.parentsFirst(database.policies().tables(p -> true)));
    Collections.reverse(tables);
    return tables;
  }
}
