package io.branchsync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One temporary directory per JVM holding the embedded servers' binaries and data, made on first
 * use and deleted, servers stopped first, at JVM exit.
 */
final class ScratchDirectory {

  private Path root;

  /** A fresh sub-directory {@code name} of the JVM's scratch directory. */
  synchronized Path newChild(String name) {
    try {
      if (root == null) {
        root = Files.createTempDirectory("branchsync-testkit-");
      }
      return Files.createDirectories(root.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make a scratch directory for the embedded servers", e);
    }
  }

  synchronized void delete() throws IOException {
    if (root == null) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // A server may remove its own files (pid, socket) while we walk.
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
    root = null;
  }
}
