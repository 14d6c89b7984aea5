package io.branchsync.shop.internal.service;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.chunk.ChunkEncoder;
import io.branchsync.protocol.message.DiffRequest;
import io.branchsync.protocol.message.DiffResult;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.ChangeBatch;
import io.branchsync.schema.capture.ChangeLog;
import io.branchsync.schema.capture.ChangeReader;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.shop.internal.db.SettingsRepository;
import io.branchsync.shop.internal.db.ShopDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Serves {@code diff}: acknowledges what the office confirmed by passing a cursor back, then reads
 * the next batch of the shop's own changes and writes it as a chunk in the shop's dialect.
 *
 * <p>A repeated call with the same cursor returns the same changes and any newer ones, so a lost
 * reply loses nothing. A cursor behind one the office already passed is refused: the changes
 * between were purged, and answering as if nothing were missing would lose them silently.
 */
public final class DiffService {

  /** Setting holding the highest cursor position the office acknowledged. */
  static final String ACKNOWLEDGED = "shop.diff.acknowledged";

  private static final int ROWS_PER_STATEMENT = 500;

  private final ShopDatabase database;
  private final int maxChanges;

  /**
   * Creates the service.
   *
   * @param database the shop's database
   * @param maxChanges change-log rows one batch covers at most
   */
  public DiffService(ShopDatabase database, int maxChanges) {
    this.database = database;
    this.maxChanges = maxChanges;
  }

  /**
   * Acknowledges and reads.
   *
   * @param request the office's cursor
   * @return the next batch
   * @throws ProtocolException {@link FaultCode#BAD_CURSOR} for a cursor this shop cannot serve
   * @throws SQLException if the database fails
   */
  public DiffResult diff(DiffRequest request) throws SQLException {
    DiffCursor cursor = DiffCursor.parse(request.since());
    // before borrowing a connection: the first read of the catalog borrows one of its own
    ChangeReader reader =
        new ChangeReader(database.dialect(), database.catalog(), ROWS_PER_STATEMENT);
    try (Connection connection = database.connect()) {
      long start = acknowledge(connection, cursor, request.isFirst());
      ChangeBatch batch =
          reader.read(connection, start, maxChanges, database.shopToOfficeTables(), null);
      return new DiffResult(encode(batch), new DiffCursor(batch.nextSeq()).toWire(), batch.more());
    }
  }

  /**
   * Records what the office acknowledged and returns where reading starts. {@code ""} starts over
   * from what the log still holds: everything up to the acknowledged position was purged, so
   * reading starts there, and the {@code next} it answers is one a later call accepts.
   */
  private long acknowledge(Connection connection, DiffCursor cursor, boolean first)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      long counter = changeCounter(connection);
      if (cursor.seq() > counter) {
        throw new ProtocolException(
            FaultCode.BAD_CURSOR,
            "diff.since: "
                + cursor.toWire()
                + " lies beyond this shop's change log, which ends"
                + " at "
                + new DiffCursor(counter).toWire()
                + "; was the shop cleaned?");
      }
      long acknowledged =
          SettingsRepository.get(connection, ACKNOWLEDGED).map(Long::parseLong).orElse(0L);
      if (!first && cursor.seq() < acknowledged) {
        throw new ProtocolException(
            FaultCode.BAD_CURSOR,
            "diff.since: "
                + cursor.toWire()
                + " is older than "
                + new DiffCursor(acknowledged).toWire()
                + ", which the office already passed back; the changes between were purged");
      }
      if (cursor.seq() > acknowledged) {
        ChangeLog.purgeUpTo(connection, cursor.seq());
        SettingsRepository.put(connection, ACKNOWLEDGED, Long.toString(cursor.seq()));
      }
      connection.commit();
      return Math.max(cursor.seq(), acknowledged);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static long changeCounter(Connection connection) throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT value FROM sync_counter WHERE name = 'change_seq'");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SyncException(
            io.branchsync.schema.ErrorCode.SCHEMA_MISMATCH,
            "sync_counter has no change_seq row; run 'shop init'");
      }
      return rs.getLong(1);
    }
  }

  private byte[] encode(ChangeBatch batch) {
    if (batch.isEmpty()) {
      return new byte[0];
    }
    SqlChunkWriter writer = SqlChunkWriter.forDialect(database.dialect().sqlDialect());
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    try (encoder) {
      for (ChunkStatement statement : batch.statements()) {
        writer.write(statement, encoder);
      }
    } catch (IOException e) {
      // an in-memory encoder fails only on text UTF-8 cannot carry, which a database never returns
      throw new UncheckedIOException(e);
    }
    return encoder.toByteArray();
  }
}
