package io.branchsync.shop.cli;

import io.branchsync.shop.SecretHasher;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopConfigException;
import io.branchsync.shop.ShopProperty;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shop set-secret}: reads a new branch secret from the console without echo, or from the
 * first line of standard input when there is no console, and writes its slow hash to {@code
 * secret.file}, readable by its owner only. Never takes the secret as an argument, where other
 * users could read it in the process list.
 */
@Command(
    name = "set-secret",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Set the branch secret the office must present (HTTP Basic, user branch-<N>).",
      "Reads it from the console without echo, or from the first line of standard input;",
      "writes only its slow hash to secret.file. A running server picks it up by itself."
    })
final class SetSecretCommand implements Runnable {

  /** Shortest secret accepted: it is a machine credential, not something a person types daily. */
  static final int MIN_LENGTH = 16;

  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    ShopConfig shop = config.load();
    Path file = shop.secretFile();
    if (file == null) {
      throw new ShopConfigException(ShopProperty.SECRET_FILE, "must be set to store the secret");
    }
    char[] secret = readSecret();
    try {
      if (secret.length < MIN_LENGTH) {
        throw new CommandFailure(
            "the secret must be at least " + MIN_LENGTH + " characters long; nothing was written");
      }
      write(file, SecretHasher.hash(secret));
    } finally {
      Arrays.fill(secret, '\0');
    }
    spec.commandLine()
        .getOut()
        .println(
            "Wrote the hash of the secret of user "
                + BranchAuthenticator.userFor(shop.branch())
                + " to "
                + file);
  }

  private char[] readSecret() {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("New branch secret: ");
      char[] second = console.readPassword("Repeat it: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new CommandFailure("the two entries differ; nothing was written");
      }
      Arrays.fill(second, '\0');
      return first;
    }
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null) {
        throw new CommandFailure("no secret on standard input; nothing was written");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the secret from standard input", e);
    }
  }

  /** Replaces the file at once, so a running server never reads half of it. */
  static void write(Path file, String hash) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  dir,
                  ".secret-",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, ".secret-", ".tmp");
      try {
        Files.writeString(temp, hash + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
