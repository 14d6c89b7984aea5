package io.branchsync.shop.internal.service;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.SessionId;
import io.branchsync.protocol.message.SessionToken;
import io.branchsync.shop.internal.session.SessionApplier;
import io.branchsync.shop.internal.session.SessionRegistry;
import io.branchsync.shop.internal.session.StagedSession;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code sql_prepare}, {@code sql_create} and {@code sql_finish}: each chunk is checked and
 * applied on arrival in the session's own uncommitted transaction; a bad chunk or a refused row
 * discards the whole session, rolling it back; finishing commits.
 *
 * <p>Resends after a lost reply are harmless: a chunk equal to the one applied last is ignored, and
 * a {@code sql_finish} of a session already finished returns the result it had.
 */
public final class SessionService {

  private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

  private final SessionRegistry registry;
  private final SessionApplier applier;
  private final long maxSessionBytes;

  /**
   * Creates the service.
   *
   * @param registry the open sessions
   * @param applier applies chunks on arrival and commits sessions
   * @param maxSessionBytes most gzip bytes one session may receive
   */
  public SessionService(SessionRegistry registry, SessionApplier applier, long maxSessionBytes) {
    this.registry = registry;
    this.applier = applier;
    this.maxSessionBytes = maxSessionBytes;
  }

  /**
   * Opens a session.
   *
   * @return its id
   */
  public SessionId prepare() {
    StagedSession session = registry.open();
    LOG.info("Opened session {}", session.sid());
    return new SessionId(session.sid());
  }

  /**
   * Opens the session of a token, or answers with the one it already has; a new token rolls back
   * the sessions of other tokens, left over from an office run that died.
   *
   * @param token the office's name for the session
   * @return its id
   */
  public SessionId prepare(SessionToken token) {
    int sid = registry.open(token);
    LOG.info("Session {} is that of token {}", sid, token);
    return new SessionId(sid);
  }

  /**
   * Checks one chunk and applies it in the session's transaction, not yet committed.
   *
   * @param sid the session
   * @param chunk the gzip bytes
   */
  public void create(SessionId sid, byte[] chunk) {
    StagedSession session = registry.acquire(sid.value(), "sql_create");
    try {
      byte[] digest = sha256(chunk);
      if (session.isResend(digest)) {
        LOG.info("Chunk of {} bytes equals the previous one: a resend, ignored", chunk.length);
      } else if (chunk.length > 0) {
        if (session.receivedBytes() + chunk.length > maxSessionBytes) {
          throw new ProtocolException(
              FaultCode.SESSION_TOO_LARGE,
              "sql_create: session "
                  + sid.value()
                  + " would receive "
                  + (session.receivedBytes() + chunk.length)
                  + " bytes, the limit is "
                  + maxSessionBytes);
        }
        int statements = applier.apply(session, chunk, digest);
        LOG.debug("Applied a chunk of {} bytes, {} statements", chunk.length, statements);
      }
      registry.release(session);
    } catch (Exception e) {
      ProtocolException fault = Faults.toProtocol(e);
      // the refusal itself is logged where it becomes a fault
      LOG.info("Session {} rolled back and discarded", sid.value());
      registry.discard(session, fault.code(), fault.detail());
      throw fault;
    } finally {
      // an Error, even one thrown by the lines above: the session must not stay busy
      registry.discardIfHeld(session, FaultCode.INTERNAL, "the shop failed while applying a chunk");
    }
  }

  /**
   * Commits a session, or returns the result of a session already finished.
   *
   * @param sid the session
   * @return statements and rows applied
   */
  public FinishResult finish(SessionId sid) {
    StagedSession session;
    try {
      session = registry.acquire(sid.value(), "sql_finish");
    } catch (ProtocolException notOpen) {
      Optional<FinishResult> earlier = registry.finishedResult(sid.value());
      if (earlier.isPresent()) {
        LOG.info("Session {} was finished before; returning its result again", sid.value());
        return earlier.get();
      }
      throw notOpen;
    }
    try {
      FinishResult result = applier.commit(session);
      registry.finished(session, result);
      LOG.info(
          "Session {} applied {} statements, {} rows",
          sid.value(),
          result.statements(),
          result.rows());
      return result;
    } catch (Exception e) {
      ProtocolException fault = Faults.toProtocol(e);
      // the transaction cannot outlive a failed commit: the office sends the session again
      LOG.info("Session {} rolled back and discarded", sid.value());
      registry.discard(session, fault.code(), fault.detail());
      throw fault;
    } finally {
      registry.discardIfHeld(session, FaultCode.INTERNAL, "the shop failed while committing");
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
