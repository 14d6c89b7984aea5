package io.branchsync.shop.internal.session;

import io.branchsync.protocol.message.SessionToken;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open insertion session: the transaction its chunks are applied in (from the first chunk on),
 * the bytes received, and what is needed to recognize a chunk sent again after a lost reply. Calls
 * on one session are serialized by its {@link #lock()}; every other method must be called while
 * holding it.
 */
public final class StagedSession {

  private final int sid;
  private final SessionToken token;
  private final ReentrantLock lock = new ReentrantLock();
  private SessionTransaction transaction;
  private long receivedBytes;
  private byte[] lastDigest;
  private volatile long lastUsedNanos;
  private boolean closed;
  // set without the lock, by a prepare of a newer office run, while a call may hold it
  private volatile boolean superseded;

  StagedSession(int sid, SessionToken token, long now) {
    this.sid = sid;
    this.token = token;
    this.lastUsedNanos = now;
  }

  /**
   * The session id.
   *
   * @return the id handed out by {@code sql_prepare}
   */
  public int sid() {
    return sid;
  }

  /**
   * The token of the {@code sql_prepare} that opened it.
   *
   * @return the token, or null for a session opened without one
   */
  SessionToken token() {
    return token;
  }

  /** Marks the session as left over from an office run that died: roll it back when free. */
  void supersede() {
    superseded = true;
  }

  boolean superseded() {
    return superseded;
  }

  /**
   * The lock that serializes calls on this session.
   *
   * @return the lock
   */
  ReentrantLock lock() {
    return lock;
  }

  /**
   * Whether the session was finished or discarded while a caller waited for its lock.
   *
   * @return true once closed
   */
  boolean closed() {
    return closed;
  }

  /** Marks the session closed and ends its transaction, rolling back what was not committed. */
  void markClosed() {
    closed = true;
    if (transaction != null) {
      transaction.close();
      transaction = null;
    }
  }

  void touch(long now) {
    lastUsedNanos = now;
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /**
   * The session's transaction, or null before its first chunk.
   *
   * @return the open transaction or null
   */
  SessionTransaction transaction() {
    return transaction;
  }

  void attach(SessionTransaction started) {
    this.transaction = started;
  }

  /**
   * Gzip bytes received and applied so far.
   *
   * @return the total size of the chunks applied
   */
  public long receivedBytes() {
    return receivedBytes;
  }

  /**
   * Whether a chunk with this SHA-256 is the one applied last: a resend after a lost reply.
   *
   * @param digest SHA-256 of the received chunk
   * @return true if it equals the previous chunk's
   */
  public boolean isResend(byte[] digest) {
    return lastDigest != null && Arrays.equals(lastDigest, digest);
  }

  /**
   * Records a chunk that was applied in full.
   *
   * @param size its gzip bytes
   * @param digest their SHA-256
   */
  void applied(long size, byte[] digest) {
    receivedBytes += size;
    lastDigest = digest.clone();
  }
}
