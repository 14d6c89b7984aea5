package io.branchsync.shop.internal.session;

import io.branchsync.protocol.message.FinishResult;
import io.branchsync.shop.internal.db.ShopDatabase;
import java.sql.SQLException;
import java.util.Set;

/**
 * Applies each chunk of a session as it arrives, parsed once, into the transaction the session
 * holds (begun with its first chunk), and commits that transaction at {@code sql_finish}. Every
 * statement goes through {@link io.branchsync.schema.apply.ChunkApplier}, which checks its table
 * once more and binds every literal.
 */
public final class SessionApplier {

  private final ShopDatabase database;
  private final ChunkValidator validator;
  private final Set<String> allowed;

  /**
   * Creates an applier.
   *
   * @param database the shop's database
   * @param validator reads and checks chunks
   * @param allowed lower-case names of the tables the office may write
   */
  public SessionApplier(ShopDatabase database, ChunkValidator validator, Set<String> allowed) {
    this.database = database;
    this.validator = validator;
    this.allowed = Set.copyOf(allowed);
  }

  /**
   * Applies one chunk inside the session's transaction, not yet committed.
   *
   * @param session the locked session
   * @param chunk the gzip bytes as received
   * @param digest their SHA-256, remembered to recognize a resend
   * @return the number of statements in the chunk
   * @throws SQLException if no connection can be had for the session's first chunk
   * @throws io.branchsync.protocol.ProtocolException for a chunk the checks refused
   * @throws io.branchsync.schema.SyncException for a statement the database or the gate refused;
   *     the caller discards the session, which rolls back everything applied
   */
  public int apply(StagedSession session, byte[] chunk, byte[] digest) throws SQLException {
    SessionTransaction transaction = session.transaction();
    if (transaction == null) {
      transaction = SessionTransaction.begin(database, allowed);
      session.attach(transaction);
    }
    int statements = validator.read(chunk, transaction::apply);
    session.applied(chunk.length, digest);
    return statements;
  }

  /**
   * Commits everything the session applied.
   *
   * @param session the locked session
   * @return the statements and rows applied
   * @throws SQLException if the commit fails
   */
  public FinishResult commit(StagedSession session) throws SQLException {
    SessionTransaction transaction = session.transaction();
    return transaction == null ? new FinishResult(0, 0) : transaction.commit();
  }
}
