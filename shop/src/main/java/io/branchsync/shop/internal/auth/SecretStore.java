package io.branchsync.shop.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The stored hash of the branch secret, read from the secret file and read again when the file
 * changes, so that {@code shop set-secret} takes effect without restarting the server.
 */
public final class SecretStore {

  private final Path file;
  private Snapshot current;

  /**
   * Reads the secret file.
   *
   * @param file the file written by {@code shop set-secret}
   * @throws IllegalStateException if it is missing, unreadable or holds no hash
   */
  public SecretStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    this.current = load();
  }

  /**
   * The hash now in force. Costs one file-attribute read; the file is read again only when its
   * modification time or size changed. If the file became unreadable, the last good hash stays.
   *
   * @return the stored hash and a version number that changes whenever the hash does
   */
  public synchronized Snapshot current() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.lastModifiedTime().equals(current.modified)
          || attributes.size() != current.size) {
        Snapshot fresh = load();
        if (!fresh.hash.equals(current.hash)) {
          current = new Snapshot(fresh.hash, current.version + 1, fresh.modified, fresh.size);
        } else {
          current = new Snapshot(current.hash, current.version, fresh.modified, fresh.size);
        }
      }
    } catch (IOException | IllegalStateException e) {
      // keep serving with the hash we have; a half-written file must not lock the office out
    }
    return current;
  }

  private Snapshot load() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      String hash = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (hash.isEmpty()) {
        throw new IllegalStateException(
            "secret file " + file + " is empty; write it with 'shop set-secret'");
      }
      return new Snapshot(hash, 0, attributes.lastModifiedTime(), attributes.size());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read secret file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); write it with 'shop set-secret'",
          new UncheckedIOException(e));
    }
  }

  /**
   * One version of the stored hash.
   *
   * @param hash the stored hash
   * @param version increases whenever the hash changes
   * @param modified the file's modification time when read
   * @param size the file's size when read
   */
  public record Snapshot(String hash, long version, FileTime modified, long size) {}
}
