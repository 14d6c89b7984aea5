package io.branchsync.shop.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open insertion session: its chunks staged as files, in arrival order, and what is needed to
 * recognize a chunk sent again after a lost reply. Calls on one session are serialized by its
 * {@link #lock()}; every other method must be called while holding it.
 */
public final class StagedSession {

  private final int sid;
  private final Path dir;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Path> chunks = new ArrayList<>();
  private long stagedBytes;
  private byte[] lastDigest;
  private volatile long lastUsedNanos;
  private boolean closed;

  StagedSession(int sid, Path dir, long now) {
    this.sid = sid;
    this.dir = dir;
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

  void markClosed() {
    closed = true;
  }

  Path dir() {
    return dir;
  }

  void touch(long now) {
    lastUsedNanos = now;
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /**
   * Gzip bytes staged so far.
   *
   * @return the total size of the staged chunk files
   */
  public long stagedBytes() {
    return stagedBytes;
  }

  /**
   * Whether a chunk with this SHA-256 is the one staged last: a resend after a lost reply.
   *
   * @param digest SHA-256 of the received chunk
   * @return true if it equals the previous chunk's
   */
  public boolean isResend(byte[] digest) {
    return lastDigest != null && Arrays.equals(lastDigest, digest);
  }

  /**
   * Writes a chunk, already validated, to its own file.
   *
   * @param chunk the gzip bytes as received
   * @param digest their SHA-256
   * @throws IOException if the disk refuses it; the partial file is removed
   */
  public void stage(byte[] chunk, byte[] digest) throws IOException {
    Path file = dir.resolve(String.format("chunk-%06d.gz", chunks.size() + 1));
    try {
      Files.write(file, chunk, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    chunks.add(file);
    stagedBytes += chunk.length;
    lastDigest = digest.clone();
  }

  /**
   * The staged chunk files in arrival order.
   *
   * @return an unmodifiable list
   */
  public List<Path> chunks() {
    return List.copyOf(chunks);
  }
}
