package io.branchsync.shop.internal.session;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.schema.apply.ApplyResult;
import io.branchsync.schema.apply.ChunkApplier;
import io.branchsync.schema.chunk.ChunkReader;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.ChunkSyntaxException;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.shop.internal.db.ShopDatabase;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Applies a session's staged chunks in one database transaction, in order, all or nothing. The
 * chunks are parsed again from disk, streaming, and each statement goes through {@link
 * ChunkApplier}, which checks its table once more and binds every literal. Writes are marked as
 * coming from the office (origin 0), so the shop's capture does not send them back.
 */
public final class SessionApplier {

  private static final int OFFICE = 0;

  private final ShopDatabase database;
  private final Set<String> allowed;
  private final long maxInflatedBytes;

  /**
   * Creates an applier.
   *
   * @param database the shop's database
   * @param allowed lower-case names of the tables the office may write
   * @param maxInflatedBytes the most bytes a chunk may inflate to
   */
  public SessionApplier(ShopDatabase database, Set<String> allowed, long maxInflatedBytes) {
    this.database = database;
    this.allowed = Set.copyOf(allowed);
    this.maxInflatedBytes = maxInflatedBytes;
  }

  /**
   * Applies and commits every staged chunk, or nothing.
   *
   * @param session the locked session
   * @return the statements and rows applied
   * @throws SQLException if the database fails outside a statement (connection, commit)
   * @throws IOException if a staged file cannot be read
   * @throws io.branchsync.schema.SyncException for a statement the database or the gate refused;
   *     the transaction is rolled back
   */
  public FinishResult apply(StagedSession session) throws SQLException, IOException {
    Dialect dialect = database.dialect();
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try {
        dialect.setOrigin(connection, OFFICE);
        ChunkApplier applier = new ChunkApplier(dialect, database.catalog(connection), allowed);
        ApplyResult total = ApplyResult.NONE;
        for (Path chunk : session.chunks()) {
          total = total.plus(applyChunk(connection, applier, chunk));
        }
        connection.commit();
        return new FinishResult(total.statements(), total.rows());
      } catch (SQLException | IOException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        restore(connection);
      }
    }
  }

  private ApplyResult applyChunk(Connection connection, ChunkApplier applier, Path chunk)
      throws IOException {
    SqlChunkParser parser = SqlChunkParser.forDialect(database.dialect().sqlDialect());
    Reader text = ChunkCodec.decode(Files.newInputStream(chunk), maxInflatedBytes);
    try (ChunkReader reader = parser.open(text)) {
      return applier.apply(connection, new Statements(reader));
    } catch (ChunkSyntaxException e) {
      // validated on arrival, so only a damaged staging file gets here
      throw new ProtocolException(FaultCode.SQL_SYNTAX, e.getMessage(), e);
    }
  }

  private void restore(Connection connection) {
    try {
      database.dialect().clearOrigin(connection);
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // MySQL keeps the origin mark on the connection: never lend it out again with the mark set
      database.evict(connection);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is lost; the database rolls back on its own
      cause.addSuppressed(e);
    }
  }

  /** The statements of a chunk reader as an iterator, read one ahead. */
  private static final class Statements implements Iterator<ChunkStatement> {
    private final ChunkReader reader;
    private ChunkStatement next;

    Statements(ChunkReader reader) {
      this.reader = reader;
      this.next = reader.next();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public ChunkStatement next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      ChunkStatement current = next;
      next = reader.next();
      return current;
    }
  }
}
