package io.branchsync.schema.capture;

import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives committed change-log rows their place in the read order ({@code seq}).
 *
 * <p>Triggers cannot know commit order: a transaction that started first may commit last, so its
 * rows' {@code id}s are lower than rows already read. Instead, a reader stamps the rows that are
 * visible (committed) right now with the next numbers of a counter, under that counter's row lock.
 * A row that commits later is stamped later with a higher number, so a cursor over {@code seq}
 * never skips it. Rows of one transaction are stamped together, contiguously.
 */
public final class ChangeStamper {
  private static final int ROUND_LIMIT = 100_000;
  private static final int ATTEMPTS = 3;

  /** Stamps every committed, unstamped change; runs and commits its own transactions. */
  public void stampAll(Connection connection) {
    try {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false);
      // Read committed: each statement sees the latest commits and InnoDB takes no gap locks,
      // so stamping never waits for, or deadlocks with, writers logging new changes.
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        while (stampRoundRetrying(connection) == ROUND_LIMIT) {
          // a large backlog is stamped in several bounded transactions
        }
      } finally {
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("ordering the change log", e);
    }
  }

  /** A round chosen as a deadlock victim changed nothing; it is simply run again. */
  private int stampRoundRetrying(Connection connection) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return stampRound(connection);
      } catch (SQLException e) {
        boolean deadlock = "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        if (!deadlock || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private int stampRound(Connection connection) throws SQLException {
    try {
      long base = lockCounter(connection);
      List<Long> ids = unstamped(connection);
      if (!ids.isEmpty()) {
        try (PreparedStatement update =
            connection.prepareStatement("UPDATE sync_change SET seq = ? WHERE id = ?")) {
          long seq = base;
          for (Long id : ids) {
            update.setLong(1, ++seq);
            update.setLong(2, id);
            update.addBatch();
          }
          update.executeBatch();
        }
        try (PreparedStatement counter =
            connection.prepareStatement(
                "UPDATE sync_counter SET value = ? WHERE name = 'change_seq'")) {
          counter.setLong(1, base + ids.size());
          counter.executeUpdate();
        }
      }
      connection.commit();
      return ids.size();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private static long lockCounter(Connection connection) throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT value FROM sync_counter WHERE name = 'change_seq' FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("sync_counter has no change_seq row; run the migrations");
      }
      return rs.getLong(1);
    }
  }

  private static List<Long> unstamped(Connection connection) throws SQLException {
    List<Long> ids = new ArrayList<>();
    // A plain (non-locking) read sees only committed rows and never waits for a writer.
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT id FROM sync_change WHERE seq IS NULL ORDER BY txid, id LIMIT "
                + ROUND_LIMIT)) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }
}
