package io.branchsync.schema.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who wins when a {@code Both} row changed at the office and at a shop between two syncs. */
public enum ConflictRule {
  /** The office's version stays and goes back to the shop (the default). */
  OFFICE_WINS("office-wins"),
  /** The shop's version replaces the office's and flows on to the other shops. */
  BRANCH_WINS("branch-wins");

  private final String fileName;

  ConflictRule(String fileName) {
    this.fileName = fileName;
  }

  /** The name used in policy set files. */
  public String fileName() {
    return fileName;
  }

  public static Optional<ConflictRule> fromFileName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.fileName.equals(wanted)).findFirst();
  }
}
