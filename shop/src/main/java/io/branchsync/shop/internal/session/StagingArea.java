package io.branchsync.shop.internal.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory where insertion sessions stage their chunks on disk, one subdirectory per session.
 *
 * <p>One server owns it at a time, through a lock file: a second server given the same directory
 * refuses to start rather than wipe the first one's sessions. It is emptied at start, since
 * sessions do not survive a restart, and at close. Directories are readable by the owner only,
 * because chunks carry customer data.
 */
public final class StagingArea implements AutoCloseable {

  static final String LOCK_FILE = ".lock";
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private StagingArea(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Takes the directory, creating it if needed, and empties it.
   *
   * @param dir the staging directory
   * @return the staging area
   * @throws IllegalStateException if another server holds the directory or it cannot be used
   */
  public static StagingArea open(Path dir) {
    try {
      createOwnerOnly(dir);
      FileChannel channel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "staging directory "
                + dir
                + " is in use by another shop server; give each server"
                + " its own staging.dir");
      }
      StagingArea area = new StagingArea(dir, channel, lock);
      area.wipe();
      return area;
    } catch (IOException e) {
      throw new IllegalStateException("cannot use staging directory " + dir + ": " + e, e);
    }
  }

  /**
   * Counts the session directories of a staging directory, for {@code shop status}.
   *
   * @param dir the staging directory
   * @return sessions staged there, 0 when the directory does not exist
   */
  public static int countSessions(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return (int) entries.filter(Files::isDirectory).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Creates the directory of a new session.
   *
   * @param sid the session id
   * @return the new, empty directory
   * @throws UncheckedIOException if it cannot be created
   */
  Path createSessionDir(int sid) {
    try {
      Path session = dir.resolve("session-" + sid);
      deleteTree(session);
      createOwnerOnly(session);
      return session;
    } catch (IOException e) {
      throw new UncheckedIOException("creating staging directory for session " + sid, e);
    }
  }

  /**
   * Deletes a session's directory and everything in it; failures are left for the next wipe.
   *
   * @param session a directory made by {@link #createSessionDir(int)}
   */
  void delete(Path session) {
    try {
      deleteTree(session);
    } catch (IOException e) {
      // a file left behind is removed at the next start; the session is gone either way
    }
  }

  /** Empties the directory and gives it up. */
  @Override
  public void close() {
    wipe();
    try {
      lock.release();
      lockChannel.close();
      Files.deleteIfExists(dir.resolve(LOCK_FILE));
    } catch (IOException e) {
      // the lock dies with the channel or the process anyway
    }
  }

  private void wipe() {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(LOCK_FILE)) {
          deleteTree(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("emptying staging directory " + dir, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void createOwnerOnly(Path dir) throws IOException {
    if (POSIX) {
      FileAttribute<Set<PosixFilePermission>> ownerOnly =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      Files.createDirectories(dir, ownerOnly);
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    } else {
      Files.createDirectories(dir);
    }
  }
}
