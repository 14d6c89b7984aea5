package io.branchsync.office.sync;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves a branch's credentials reference to its secret: {@code env:VARIABLE} reads the
 * environment, {@code file:PATH} a file. The registry never holds the secret itself.
 */
public final class Credentials {
  private final Map<String, String> env;

  public Credentials(Map<String, String> env) {
    this.env = env;
  }

  /** The reference a branch gets when none is given. */
  public static String defaultRef(int branchId) {
    return "env:BRANCHSYNC_BRANCH_" + branchId + "_SECRET";
  }

  public String secret(String ref) {
    if (ref.startsWith("env:")) {
      String value = env.get(ref.substring(4));
      if (value == null || value.isEmpty()) {
        throw missing(ref, "environment variable " + ref.substring(4) + " is not set");
      }
      return value;
    }
    if (ref.startsWith("file:")) {
      try {
        return Files.readString(Path.of(ref.substring(5)), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw missing(ref, "cannot read " + ref.substring(5) + ": " + e.getMessage());
      }
    }
    // not a reference: perhaps the secret itself, registered before references were checked
    throw new SyncException(
        ErrorCode.AUTH_FAILED,
        "the branch's credentials are not a reference"
            + " (env:VARIABLE or file:PATH) and are not shown; remove the branch and add it again"
            + " with --credentials env:VARIABLE or file:PATH");
  }

  private static SyncException missing(String ref, String why) {
    return new SyncException(ErrorCode.AUTH_FAILED, "branch secret " + ref + ": " + why);
  }
}
