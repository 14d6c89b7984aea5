package io.branchsync.office.sync;

import io.branchsync.office.client.ShopCallException;
import io.branchsync.office.client.ShopClient;
import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.registry.SyncState;
import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.InfoResult;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.capture.ChangeStamper;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.idrange.IdRangeAssigner;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up a shop from scratch: collects what it still holds, erases it, pushes every table that
 * flows office to shop in one all-or-nothing session, hands it its ID range, and starts its sync
 * state.
 */
public final class Provisioner {
  private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
  private static final int CLEAN_ATTEMPTS = 5;
  private final Office office;

  public Provisioner(Office office) {
    this.office = office;
  }

  /** Counts the rows provisioning will send, for a progress bar. */
  public long rowsToSend(Branch branch) {
    PolicySet policies = office.policySet(branch.policySet());
    long total = 0;
    try (Connection c = office.dataSource().getConnection()) {
      for (String table : policies.tables(Policy::officeToShop)) {
        try (PreparedStatement s =
                c.prepareStatement("SELECT COUNT(*) FROM " + office.dialect().quote(table));
            ResultSet rs = s.executeQuery()) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("counting rows to provision", e);
    }
    return total;
  }

  /**
   * Provisions a branch, holding its lock so no sync of the branch runs meanwhile (a sync pulling
   * and pushing while the shop is erased and filled would lose track of what went where).
   */
  public ProvisionResult provision(Branch branch, LongConsumer rowsSent) {
    try (BranchLock lock = BranchLock.acquire(office.dataSource(), office.dialect(), branch.id())) {
      return provisionLocked(branch, rowsSent);
    }
  }

  /**
   * Provisions a branch whose lock the caller holds: a sync finishing a provisioning that stopped
   * half-way. Every step can be repeated: the shop's change log keeps its positions across {@code
   * clean}, so collecting again is always possible.
   */
  ProvisionResult provisionLocked(Branch branch, LongConsumer rowsSent) {
    long started = System.nanoTime();
    PolicySet policies = office.policySet(branch.policySet());
    Optional<SyncState> before = office.states().find(branch.id());
    ShopClient client = office.client(branch);
    InfoResult info = client.infoOfBranch(branch.id());
    SqlDialect shopDialect = SqlDialect.fromWire(info.dialect());
    // a provisioning that stopped after the shop may have been erased: its mark stays until done
    boolean resuming = office.provisioning().unfinished(branch.id());
    if (before.isEmpty()) {
      // the puller keeps its collection cursor in a sync state
      startState(branch, policies, 0, false);
    }
    long collected = 0;
    long idStart;
    try {
      for (int attempt = 1; ; attempt++) {
        collected += collect(branch, client, shopDialect, policies);
        // After collecting: the shop's own rows now at the office count as used keys. Before
        // clean: a refused range must leave the shop as it was.
        idStart = idStart(branch, policies, before.isPresent() || collected > 0);
        if (erase(branch, client, attempt, resuming)) {
          break;
        }
      }
    } catch (RuntimeException e) {
      if (before.isEmpty() && !office.provisioning().unfinished(branch.id())) {
        // the shop was not erased: the branch is as unprovisioned as before, with no state a
        // sync could take for a provisioned one (and none holding back the office's purge)
        office.states().remove(branch.id());
      }
      throw e;
    }
    long pushCursor = stampedCursor();
    SendOutcome sent = sendTables(client, shopDialect, policies, rowsSent);
    idStart = giveRange(branch, client, shopDialect, policies, idStart);
    startState(branch, policies, pushCursor, true);
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        "branch {}: provisioned {} rows in {} chunks in {} ms; IDs from {}",
        branch.id(),
        sent.rows,
        sent.chunks,
        millis,
        idStart);
    return new ProvisionResult(sent.rows, sent.chunks, sent.applied, idStart, collected, millis);
  }

  /** Brings in what the shop holds, so that erasing it loses nothing. */
  private long collect(
      Branch branch, ShopClient client, SqlDialect shopDialect, PolicySet policies) {
    long rows = new Puller(office).pull(branch, client, shopDialect, policies).rows();
    if (rows > 0) {
      LOG.info("branch {}: collected {} rows from the shop before erasing it", branch.id(), rows);
    }
    return rows;
  }

  /**
   * Asks the shop to erase its synced tables; returns false when it refused because tills sold
   * since the last collection (the shop checks and erases in one transaction, so such a sale is
   * never erased unseen), so the caller collects again.
   */
  private boolean erase(Branch branch, ShopClient client, int attempt, boolean resuming) {
    // marked before the shop is erased: an office stopping from here on leaves a mark the next
    // sync or provision finishes from
    office.provisioning().start(branch.id());
    try {
      client.clean();
      return true;
    } catch (ShopCallException e) {
      if (e.fault() == null) {
        throw e; // no answer: the shop may be erased or not; the mark stays
      }
      if (!resuming) {
        // refused: the shop is as it was (an erased one, when resuming, keeps its mark)
        office.provisioning().abandon(branch.id());
      }
      if (e.fault() != FaultCode.PENDING_CHANGES) {
        throw e;
      }
      if (attempt >= CLEAN_ATTEMPTS) {
        // SHOP_FAULT, not BUSY: a sync that tried to finish this records it for status
        throw new SyncException(
            ErrorCode.SHOP_FAULT,
            "branch "
                + branch.id()
                + ": the shop's tills kept selling while it was being provisioned ("
                + attempt
                + " tries to collect"
                + " and erase); close the tills and run 'office provision "
                + branch.id()
                + "' again. Nothing was erased.",
            e);
      }
      LOG.info(
          "branch {}: the shop sold since its changes were collected; collecting again",
          branch.id());
      return false;
    }
  }

  /**
   * Hands the shop its range. A till that sold after the shop was erased took the next key, which
   * setidstart then refuses to move back over: collect that sale and start after it.
   */
  private long giveRange(
      Branch branch, ShopClient client, SqlDialect shopDialect, PolicySet policies, long idStart) {
    long start = idStart;
    for (int attempt = 1; ; attempt++) {
      try {
        client.setIdStart(start);
        return start;
      } catch (ShopCallException e) {
        if (e.fault() != FaultCode.ID_RANGE_OCCUPIED || attempt >= CLEAN_ATTEMPTS) {
          throw e;
        }
        LOG.info(
            "branch {}: the shop sold since it was erased; collecting before its range",
            branch.id());
        collect(branch, client, shopDialect, policies);
        start = idStart(branch, policies, true);
      }
    }
  }

  private SendOutcome sendTables(
      ShopClient client, SqlDialect shopDialect, PolicySet policies, LongConsumer rowsSent) {
    try (ChunkSender sender =
        new ChunkSender(
            client,
            SqlChunkWriter.forDialect(shopDialect),
            office.config().intValue(OfficeKey.CHUNK_BYTES),
            office.config().intValue(OfficeKey.CHUNK_GZIP_LEVEL))) {
      return sendTables(sender, shopDialect, policies, rowsSent);
    }
  }

  private SendOutcome sendTables(
      ChunkSender sender, SqlDialect shopDialect, PolicySet policies, LongConsumer rowsSent) {
    SchemaCatalog catalog = office.catalog();
    // COPY needs the tables empty, which clean guarantees; it is PostgreSQL's fast path, and
    // its blocks may be as long as a statement may be.
    boolean copy = shopDialect == SqlDialect.POSTGRESQL;
    TableStreamer streamer =
        new TableStreamer(
            office.dialect(),
            copy ? ChunkStatement.MAX_ROWS : office.config().intValue(OfficeKey.ROWS_PER_STATEMENT),
            copy);
    long rows = 0;
    try (Connection c = office.dataSource().getConnection()) {
      for (String table : catalog.parentsFirst(policies.tables(Policy::officeToShop))) {
        rows +=
            streamer.stream(
                c,
                catalog.require(table),
                statement -> {
                  sender.add(statement);
                  rowsSent.accept(statement.rowCount());
                });
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading office tables to provision", e);
    }
    FinishResult finish = sender.finish();
    return new SendOutcome(rows, sender.chunksSent(), finish == null ? 0 : finish.rows());
  }

  /**
   * Where the branch's IDs start. A new branch must find its range empty at the office; a branch
   * provisioned before carries on after the highest key it used.
   */
  private long idStart(Branch branch, PolicySet policies, boolean provisionedBefore) {
    List<String> tables = policies.tables(Policy::needsIdRange);
    IdRangeAssigner ranges = new IdRangeAssigner(office.dialect());
    long highest = branch.idRange().first() - 1;
    try (Connection c = office.dataSource().getConnection()) {
      for (String table : tables) {
        highest =
            Math.max(highest, ranges.highestUsed(c, office.catalog(), table, branch.idRange()));
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("checking branch " + branch.id() + "'s ID range", e);
    }
    if (highest >= branch.idRange().first() && !provisionedBefore) {
      throw new SyncException(
          ErrorCode.ID_RANGE_OCCUPIED,
          "branch "
              + branch.id()
              + "'s ID range "
              + branch.idRange()
              + " already holds rows at the office (up to "
              + highest
              + "); give the branch a range nobody used");
    }
    if (highest >= branch.idRange().last()) {
      throw new SyncException(
          ErrorCode.ID_RANGE_OCCUPIED,
          "branch " + branch.id() + "'s ID range " + branch.idRange() + " is full");
    }
    return highest + 1;
  }

  /** Orders the office's change log and returns the highest stamp: later changes get pushed. */
  private long stampedCursor() {
    try (Connection c = office.dataSource().getConnection()) {
      new ChangeStamper().stampAll(c);
      try (PreparedStatement s =
              c.prepareStatement("SELECT value FROM sync_counter WHERE name = 'change_seq'");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("reading the office change log", e);
    }
  }

  /**
   * Records the branch's sync state; {@code done} ends the provisioning in the same transaction.
   */
  private void startState(Branch branch, PolicySet policies, long pushCursor, boolean done) {
    try (Connection c = office.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        office.states().provisioned(c, branch.id(), policies.name(), pushCursor);
        if (done) {
          office.provisioning().finish(c, branch.id());
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("recording branch " + branch.id() + "'s sync state", e);
    }
  }

  private record SendOutcome(long rows, long chunks, long applied) {}
}
