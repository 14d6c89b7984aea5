package io.branchsync.shop.internal.service;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.ProtocolVersion;
import io.branchsync.protocol.message.DiffRequest;
import io.branchsync.protocol.message.DiffResult;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.IdStart;
import io.branchsync.protocol.message.InfoResult;
import io.branchsync.protocol.message.SessionId;
import io.branchsync.protocol.message.SessionToken;
import io.branchsync.schema.capture.ChangeLog;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.schema.idrange.IdRangeAssigner;
import io.branchsync.schema.policy.Policy;
import io.branchsync.shop.internal.db.SettingsRepository;
import io.branchsync.shop.internal.db.ShopCleaner;
import io.branchsync.shop.internal.db.ShopDatabase;
import io.branchsync.shop.internal.session.SessionRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seven methods of the wire contract, with typed arguments and results. Calls run side by side,
 * except {@code clean}, which waits for every other call to end and holds the others back while it
 * erases the synced tables. Once {@link #stop()} is called, new calls are refused with {@link
 * FaultCode#SHUTTING_DOWN}.
 */
public final class ShopService {

  private static final Logger LOG = LoggerFactory.getLogger(ShopService.class);

  private final int branch;
  private final ShopDatabase database;
  private final SessionRegistry registry;
  private final SessionService sessions;
  private final DiffService diffs;
  private final boolean cleanAllowPending;
  private final long idRangeSize;
  private final ReentrantReadWriteLock schemaLock = new ReentrantReadWriteLock(true);
  private volatile boolean stopping;
  // Flyway reads the version by scanning the classpath for migrations (~10 ms); only clean
  // changes it while the server runs, so it is read once and kept.
  private volatile String schemaVersion;

  /**
   * Creates the service.
   *
   * @param branch this shop's branch number
   * @param database the shop's database
   * @param registry the open insertion sessions
   * @param sessions serves the session methods
   * @param diffs serves diff
   * @param cleanAllowPending whether clean may erase uncollected changes
   * @param idRangeSize ids in the range setidstart assigns
   */
  public ShopService(
      int branch,
      ShopDatabase database,
      SessionRegistry registry,
      SessionService sessions,
      DiffService diffs,
      boolean cleanAllowPending,
      long idRangeSize) {
    this.branch = branch;
    this.database = database;
    this.registry = registry;
    this.sessions = sessions;
    this.diffs = diffs;
    this.cleanAllowPending = cleanAllowPending;
    this.idRangeSize = idRangeSize;
  }

  /**
   * Refuses new calls from now on and waits for the calls already running, a {@code sql_finish}
   * among them, to commit or roll back.
   *
   * @param grace how long to wait
   * @return true if every call ended in time
   */
  public boolean stop(Duration grace) {
    stopping = true;
    Lock all = schemaLock.writeLock();
    try {
      // every call holds the read lock, so the write lock is free only once they have all ended
      if (all.tryLock(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        all.unlock();
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * {@code info}.
   *
   * @return branch, dialect, protocol, schema version and pending changes
   * @throws Exception as mapped by {@link Faults}
   */
  public InfoResult info() throws Exception {
    return shared(
        () -> {
          long pending;
          try (Connection connection = database.connect()) {
            pending = ChangeLog.pending(connection);
          }
          return new InfoResult(
              branch,
              database.dialect().sqlDialect().wireName(),
              ProtocolVersion.CURRENT,
              schemaVersion(),
              pending);
        });
  }

  /**
   * {@code clean}: empties the policy tables and the change log in one transaction, unless changes
   * wait to be collected (see {@link ShopCleaner}).
   *
   * @return true
   * @throws Exception as mapped by {@link Faults}
   */
  public boolean clean() throws Exception {
    return guarded(
        schemaLock.writeLock(),
        () -> {
          // refuse before touching the sessions; the cleaner checks again, under its locks
          refuseIfPending();
          // open sessions hold row locks the deletes would wait for; the office starts anew
          registry.discardAll(FaultCode.UNKNOWN_SESSION, "the shop was cleaned");
          long erased = new ShopCleaner(database).clean(cleanAllowPending);
          if (erased > 0) {
            LOG.warn(
                "Erased the shop's synced tables on the office's request, with {} changes"
                    + " not collected (clean.allow.pending)",
                erased);
          } else {
            LOG.info("Erased the shop's synced tables on the office's request");
          }
          return true;
        });
  }

  private void refuseIfPending() throws SQLException {
    if (cleanAllowPending) {
      return;
    }
    long pending;
    try (Connection connection = database.connect()) {
      pending = ChangeLog.pending(connection);
    }
    if (pending > 0) {
      throw ShopCleaner.pendingChanges(pending);
    }
  }

  /**
   * {@code sql_prepare}.
   *
   * @return the new session's id
   * @throws Exception as mapped by {@link Faults}
   */
  public SessionId prepare() throws Exception {
    return shared(sessions::prepare);
  }

  /**
   * {@code sql_prepare} with a token: repeatable, and the start of a new office run when new.
   *
   * @param token the office's name for the session
   * @return the id of the token's session
   * @throws Exception as mapped by {@link Faults}
   */
  public SessionId prepare(SessionToken token) throws Exception {
    return shared(() -> sessions.prepare(token));
  }

  /**
   * {@code sql_create}.
   *
   * @param sid the session
   * @param chunk the gzip bytes
   * @return true
   * @throws Exception as mapped by {@link Faults}
   */
  public boolean create(SessionId sid, byte[] chunk) throws Exception {
    return shared(
        () -> {
          sessions.create(sid, chunk);
          return true;
        });
  }

  /**
   * {@code sql_finish}.
   *
   * @param sid the session
   * @return statements and rows applied
   * @throws Exception as mapped by {@link Faults}
   */
  public FinishResult finish(SessionId sid) throws Exception {
    return shared(() -> sessions.finish(sid));
  }

  /**
   * {@code setidstart}: moves the id sequences of shop-created tables to the start of the range.
   *
   * @param start the first id
   * @return true
   * @throws Exception as mapped by {@link Faults}
   */
  public boolean setIdStart(IdStart start) throws Exception {
    return shared(
        () -> {
          long first = start.value();
          if (first > Long.MAX_VALUE - idRangeSize) {
            throw new ProtocolException(
                FaultCode.BAD_ARGUMENT,
                "setidstart.id: " + first + " leaves no room for the range");
          }
          IdRange range = rangeFrom(first);
          assign(range);
          LOG.info("ID range set to {}", range);
          return true;
        });
  }

  /**
   * {@code diff}.
   *
   * @param request the office's cursor
   * @return the next batch of changes
   * @throws Exception as mapped by {@link Faults}
   */
  public DiffResult diff(DiffRequest request) throws Exception {
    return shared(() -> diffs.diff(request));
  }

  private String schemaVersion() {
    String version = schemaVersion;
    if (version == null) {
      version = database.migrator().version();
      schemaVersion = version;
    }
    return version;
  }

  /**
   * The range a {@code setidstart} hands this shop. A start inside the branch's own range (the
   * office re-provisioning a shop after the last key it used) keeps the end of that range, so the
   * range never reaches into the next branch's; any other start gets {@code id.range.size} keys.
   */
  private IdRange rangeFrom(long first) {
    if (branch <= Long.MAX_VALUE / idRangeSize - 1) {
      IdRange own = IdRange.forBranch(branch, idRangeSize);
      if (first >= own.first() && first <= own.last()) {
        return new IdRange(first, own.last());
      }
    }
    return new IdRange(first, first + idRangeSize - 1);
  }

  private void assign(IdRange range) throws SQLException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try {
        // MySQL commits each ALTER TABLE at once; the check before them still refuses first
        new IdRangeAssigner(database.dialect())
            .assign(connection, database.policies().tables(Policy::needsIdRange), range);
        SettingsRepository.put(
            connection, SettingsRepository.ID_RANGE_FIRST, Long.toString(range.first()));
        SettingsRepository.put(
            connection, SettingsRepository.ID_RANGE_LAST, Long.toString(range.last()));
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private <T> T shared(Call<T> call) throws Exception {
    return guarded(schemaLock.readLock(), call);
  }

  private <T> T guarded(Lock lock, Call<T> call) throws Exception {
    if (stopping) {
      throw new ProtocolException(FaultCode.SHUTTING_DOWN, "the shop is stopping");
    }
    lock.lock();
    try {
      if (stopping) {
        // the call waited behind stop(); the pool may be closing under it
        throw new ProtocolException(FaultCode.SHUTTING_DOWN, "the shop is stopping");
      }
      return call.run();
    } finally {
      lock.unlock();
    }
  }

  /** One method's work. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws Exception;
  }
}
