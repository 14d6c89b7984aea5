package io.branchsync.shop.internal.session;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.SessionToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open insertion sessions: opening within a limit, finding one by id and locking it, closing it
 * as finished or discarded, and expiring those left idle. Ids are random positive ints, so one
 * office cannot guess or disturb another caller's session. Closing a session ends its transaction:
 * rolled back unless it was committed, and its connection given back to the pool.
 *
 * <p>A session opened with a token belongs to one office run. The same token gets the same session
 * again (a repeat after a lost reply); a new token means a new run, and since one office syncs a
 * branch one run at a time, the sessions of other tokens are left over from a run that died: they
 * are rolled back at once, or as soon as a call still running on one of them ends.
 */
public final class SessionRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int maxSessions;
  private final long idleNanos;
  private final LongSupplier clock;
  private final OfficeLease lease;
  private final Map<Integer, StagedSession> open = new ConcurrentHashMap<>();
  private final ClosedSessions closed = new ClosedSessions();

  /**
   * Creates an empty registry.
   *
   * @param maxSessions most sessions open at once
   * @param idle time without a call after which a session is discarded
   * @param clock nanosecond clock ({@code System::nanoTime} outside tests)
   * @param lease stops every session's idle time while the office is in the middle of a call
   */
  public SessionRegistry(int maxSessions, Duration idle, LongSupplier clock, OfficeLease lease) {
    this.maxSessions = maxSessions;
    this.idleNanos = idle.toNanos();
    this.clock = clock;
    this.lease = lease;
  }

  /**
   * Opens a session.
   *
   * @return the new session
   * @throws ProtocolException {@link FaultCode#TOO_MANY_SESSIONS} at the limit
   */
  public synchronized StagedSession open() {
    expireIdle();
    return openNew(null);
  }

  /**
   * Opens the session of a token, or finds the one already opened for it. A new token rolls back
   * every session opened with another token.
   *
   * @param token the office's name for the session
   * @return the id of the session of this token
   * @throws ProtocolException {@link FaultCode#TOO_MANY_SESSIONS} at the limit
   */
  public synchronized int open(SessionToken token) {
    expireIdle();
    for (StagedSession session : open.values()) {
      if (token.equals(session.token())) {
        session.touch(clock.getAsLong());
        LOG.info("sql_prepare repeated with token {}: session {} again", token, session.sid());
        return session.sid();
      }
    }
    Optional<Integer> closedSid = closed.sidOf(token);
    if (closedSid.isPresent()) {
      // a late repeat: opening another would roll back the newer run's session
      LOG.info("sql_prepare repeated with token {} of closed session {}", token, closedSid.get());
      return closedSid.get();
    }
    for (StagedSession session : new ArrayList<>(open.values())) {
      if (session.token() != null) {
        session.supersede();
        rollBackSuperseded(session);
      }
    }
    return openNew(token).sid();
  }

  private StagedSession openNew(SessionToken token) {
    if (open.size() >= maxSessions) {
      throw new ProtocolException(
          FaultCode.TOO_MANY_SESSIONS,
          "sql_prepare: " + open.size() + " sessions are open, the limit is " + maxSessions);
    }
    int sid;
    do {
      sid = RANDOM.nextInt(Integer.MAX_VALUE - 1) + 1;
    } while (open.containsKey(sid) || closed.contains(sid));
    StagedSession session = new StagedSession(sid, token, clock.getAsLong());
    open.put(sid, session);
    return session;
  }

  /**
   * Finds an open session and locks it for the caller, who must {@link #release} it.
   *
   * @param sid the session id
   * @param method the calling method, for messages
   * @return the locked session
   * @throws ProtocolException {@link FaultCode#UNKNOWN_SESSION} if it was never opened, has expired
   *     or was finished; the original fault if it was discarded
   */
  public StagedSession acquire(int sid, String method) {
    StagedSession session = open.get(sid);
    if (session != null) {
      session.lock().lock();
      if (session.closed()) {
        session.lock().unlock();
      } else if (session.superseded()) {
        discardSuperseded(session);
      } else if (expired(session)) {
        discardExpired(session);
      } else {
        return session;
      }
    }
    throw notOpen(sid, method);
  }

  /**
   * The result of a session already finished, for a {@code sql_finish} sent again.
   *
   * @param sid the session id
   * @return the result it had, or empty
   */
  public Optional<FinishResult> finishedResult(int sid) {
    return closed.ending(sid).map(ClosedSessions.Ending::result);
  }

  /**
   * Unlocks a session after a call that leaves it open.
   *
   * @param session a session returned by {@link #acquire}
   */
  public void release(StagedSession session) {
    session.touch(clock.getAsLong());
    session.lock().unlock();
    // a newer run began while this call ran; its prepare could not take the lock
    rollBackSuperseded(session);
  }

  /**
   * Closes a locked session that applied, remembering its result, and unlocks it.
   *
   * @param session a session returned by {@link #acquire}
   * @param result what it applied
   */
  public void finished(StagedSession session, FinishResult result) {
    closed.finished(session.sid(), result);
    close(session);
  }

  /**
   * Closes a locked session without applying it, remembering why, and unlocks it.
   *
   * @param session a session returned by {@link #acquire}
   * @param code the fault its calls now get
   * @param detail why it was discarded
   */
  public void discard(StagedSession session, FaultCode code, String detail) {
    closed.discarded(session.sid(), code, "session " + session.sid() + " was discarded: " + detail);
    close(session);
  }

  /**
   * Discards a session the calling thread still holds: the call ended by an {@code Error} (out of
   * memory, a class that failed to load), perhaps while its exception was being turned into a
   * fault. Without this the session would stay busy for ever, so neither the idle sweep nor a new
   * run could roll it back, and its row locks would hold tills until the shop restarts. Does
   * nothing when the call released or discarded the session itself.
   *
   * @param session a session returned by {@link #acquire}
   * @param code the fault its calls now get
   * @param detail why it was discarded
   */
  public void discardIfHeld(StagedSession session, FaultCode code, String detail) {
    if (session.lock().isHeldByCurrentThread() && !session.closed()) {
      discard(session, code, detail);
    }
  }

  /**
   * Discards every open session, waiting for calls in progress on them; for clean and shutdown.
   *
   * @param code the fault their later calls get
   * @param why the reason, for those faults and the log
   */
  public void discardAll(FaultCode code, String why) {
    for (StagedSession session : new ArrayList<>(open.values())) {
      session.lock().lock();
      if (session.closed()) {
        session.lock().unlock();
      } else {
        discard(session, code, why);
      }
    }
  }

  /**
   * Discards the sessions idle for longer than the limit, and those of an office run that died;
   * sessions busy with a call are skipped.
   *
   * @return how many were discarded
   */
  public int expireIdle() {
    List<StagedSession> idle = new ArrayList<>();
    for (StagedSession session : open.values()) {
      if (session.superseded() || expired(session)) {
        idle.add(session);
      }
    }
    int count = 0;
    for (StagedSession session : idle) {
      if (session.lock().tryLock()) {
        if (session.closed()) {
          session.lock().unlock();
        } else if (session.superseded()) {
          discardSuperseded(session);
          count++;
        } else if (expired(session)) {
          discardExpired(session);
          count++;
        } else {
          session.lock().unlock();
        }
      }
    }
    return count;
  }

  /**
   * Sessions open now.
   *
   * @return the count
   */
  public int openCount() {
    return open.size();
  }

  private void discardExpired(StagedSession session) {
    LOG.info(
        "Session {} expired after {} s without a call; its transaction is rolled back",
        session.sid(),
        idleNanos / 1_000_000_000L);
    closed.discarded(
        session.sid(),
        FaultCode.UNKNOWN_SESSION,
        "session "
            + session.sid()
            + " expired after "
            + idleNanos / 1_000_000_000L
            + " s without a call; nothing of it was applied");
    close(session);
  }

  /**
   * Rolls back a superseded session now if no call holds it. Otherwise whoever holds it does: the
   * call's {@link #release}, {@link #acquire} or the sweeper, each of which checks after locking.
   */
  private void rollBackSuperseded(StagedSession session) {
    if (!session.superseded() || !session.lock().tryLock()) {
      return;
    }
    if (session.closed()) {
      session.lock().unlock();
    } else {
      discardSuperseded(session);
    }
  }

  private void discardSuperseded(StagedSession session) {
    LOG.warn(
        "Session {} was left unfinished by an office run that ended; a new run began, so its"
            + " transaction is rolled back",
        session.sid());
    closed.discarded(
        session.sid(),
        FaultCode.UNKNOWN_SESSION,
        "session "
            + session.sid()
            + " was rolled back: a newer sql_prepare (another token) began a new office run;"
            + " nothing of it was applied");
    close(session);
  }

  private boolean expired(StagedSession session) {
    long now = clock.getAsLong();
    long quiet = Math.max(session.lastUsedNanos(), lease.quietSince(now));
    return now - quiet > idleNanos;
  }

  private void close(StagedSession session) {
    if (session.token() != null) {
      // before it leaves the open map, so a repeated prepare finds it in one place or the other
      closed.tokenOf(session.sid(), session.token());
    }
    session.markClosed();
    open.remove(session.sid(), session);
    session.lock().unlock();
  }

  private ProtocolException notOpen(int sid, String method) {
    Optional<ClosedSessions.Ending> ending = closed.ending(sid);
    if (ending.isPresent() && ending.get().fault() != null) {
      return ending.get().fault();
    }
    if (ending.isPresent()) {
      return new ProtocolException(
          FaultCode.UNKNOWN_SESSION,
          method + ": session " + sid + " is already finished; open a new one with sql_prepare");
    }
    return new ProtocolException(FaultCode.UNKNOWN_SESSION, method + ": no open session " + sid);
  }
}
