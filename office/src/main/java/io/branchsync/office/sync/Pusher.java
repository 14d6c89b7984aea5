package io.branchsync.office.sync;

import io.branchsync.office.client.ShopCallException;
import io.branchsync.office.client.ShopClient;
import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.registry.Branch;
import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.RejectedRow;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.ChangeBatch;
import io.branchsync.schema.capture.ChangeReader;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pushes the office's changes to a shop: net changes of {@code FromSource} and {@code Both} tables
 * after the branch's push cursor, except those that came from that branch, one session per batch.
 * The cursor moves only after the shop committed the session.
 */
final class Pusher {
  static final String DIRECTION = "push";

  /** How a shop's APPLY_FAILED fault names the row: "table sale key 42: reason". */
  private final Office office;

  Pusher(Office office) {
    this.office = office;
  }

  /** Returns the rows sent per table; the shop applied them all or the push failed. */
  Map<String, Long> push(
      Branch branch, ShopClient client, SqlDialect shopDialect, PolicySet policies) {
    long cursor = office.states().find(branch.id()).orElseThrow().pushCursor();
    Set<String> tables = new HashSet<>(policies.tables(Policy::pushedOnSync));
    int rowsPerStatement = office.config().intValue(OfficeKey.ROWS_PER_STATEMENT);
    ChangeReader reader = new ChangeReader(office.dialect(), office.catalog(), rowsPerStatement);
    Map<String, Long> rows = new LinkedHashMap<>();
    while (true) {
      ChangeBatch batch;
      try (Connection c = office.dataSource().getConnection()) {
        batch =
            reader.read(
                c, cursor, office.config().intValue(OfficeKey.BATCH_CHANGES), tables, branch.id());
      } catch (SQLException e) {
        throw SyncException.fromSql("reading office changes", e);
      }
      if (!batch.isEmpty()) {
        send(branch, client, shopDialect, batch, rows);
      }
      if (batch.nextSeq() != cursor) {
        saveCursor(branch, batch.nextSeq());
        cursor = batch.nextSeq();
      }
      if (!batch.more()) {
        return rows;
      }
    }
  }

  /**
   * Sends a batch; a shop that rolled the session back so a till's sale could go through ({@code
   * LOCK_CONFLICT}) gets it again in a new session.
   */
  private void send(
      Branch branch,
      ShopClient client,
      SqlDialect shopDialect,
      ChangeBatch batch,
      Map<String, Long> rows) {
    Map<String, Long> sent =
        LockConflictRetry.run(
            "push to branch " + branch.id(),
            () -> {
              Map<String, Long> attempt = new LinkedHashMap<>();
              sendOnce(branch, client, shopDialect, batch, attempt);
              return attempt;
            });
    sent.forEach((table, n) -> rows.merge(table, n, Long::sum));
  }

  /** One session per batch: the shop applies it whole or not at all. */
  private void sendOnce(
      Branch branch,
      ShopClient client,
      SqlDialect shopDialect,
      ChangeBatch batch,
      Map<String, Long> rows) {
    Set<String> skip = office.failedRows().toSkip(branch.id(), DIRECTION);
    try (ChunkSender sender =
        new ChunkSender(
            client,
            SqlChunkWriter.forDialect(shopDialect),
            office.config().intValue(OfficeKey.CHUNK_BYTES),
            office.config().intValue(OfficeKey.CHUNK_GZIP_LEVEL))) {
      for (ChunkStatement statement : batch.statements()) {
        ChunkStatement kept =
            RowKeys.without(statement, key -> skip.contains(statement.table() + "|" + key));
        if (kept != null) {
          sender.add(kept);
          rows.merge(kept.table(), (long) kept.rowCount(), Long::sum);
        }
      }
      sender.finish();
    } catch (ShopCallException e) {
      // The shop applies chunks as they arrive, so a refused row may surface at any chunk.
      if (e.fault() == FaultCode.APPLY_FAILED) {
        office
            .failedRows()
            .recordOpen(
                branch.id(),
                DIRECTION,
                e.rejectedRow().map(RejectedRow::table).orElse(null),
                e.rejectedRow().map(RejectedRow::key).orElse(null),
                e.getMessage());
      }
      throw e;
    }
  }

  private void saveCursor(Branch branch, long seq) {
    try (Connection c = office.dataSource().getConnection()) {
      c.setAutoCommit(false);
      office.states().savePushCursor(c, branch.id(), seq);
      office.failedRows().settle(c, branch.id(), DIRECTION);
      c.commit();
    } catch (SQLException e) {
      throw SyncException.fromSql("saving branch " + branch.id() + "'s push cursor", e);
    }
  }
}
