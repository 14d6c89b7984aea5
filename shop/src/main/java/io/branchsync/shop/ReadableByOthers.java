package io.branchsync.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a file holding a secret (a password file, the keystore) can be read by users other
 * than its owner and group: any local account could then take the shop's identity or its database.
 * Only a warning: the operator may have reasons, and refusing to start would stop sales.
 */
final class ReadableByOthers {

  private static final Logger LOG = LoggerFactory.getLogger(ReadableByOthers.class);

  private ReadableByOthers() {}

  static void warnIf(ShopProperty property, Path file) {
    warning(property, file).ifPresent(LOG::warn);
  }

  /**
   * The warning for a file, if it needs one.
   *
   * @param property the key naming the file
   * @param file the file
   * @return the text of the warning, empty when only owner and group may read it, or when the file
   *     system has no POSIX permissions
   */
  static Optional<String> warning(ShopProperty property, Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      // no POSIX permissions (Windows) or no file yet: the reader reports a missing file itself
      return Optional.empty();
    }
    if (!permissions.contains(PosixFilePermission.OTHERS_READ)) {
      return Optional.empty();
    }
    return Optional.of(
        property.key()
            + ": "
            + file
            + " can be read by every user of this machine; restrict it, e.g. chmod 600");
  }
}
