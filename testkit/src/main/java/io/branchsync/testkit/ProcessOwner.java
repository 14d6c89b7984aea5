package io.branchsync.testkit;

import com.sun.security.auth.module.UnixSystem;

/** Who this JVM runs as: database servers treat root specially. */
final class ProcessOwner {

  private ProcessOwner() {}

  static boolean isRoot() {
    try {
      return new UnixSystem().getUid() == 0;
    } catch (LinkageError notUnix) {
      // No Unix user ids (Windows): nothing to refuse root there.
      return false;
    }
  }
}
