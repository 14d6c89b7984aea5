package io.branchsync.schema.capture;

import java.util.List;

/** A row named by its table and its primary key values as text (as the change log stores them). */
public record ChangeKey(String table, List<String> key) {
  public ChangeKey {
    key = List.copyOf(key);
  }

  /** The key as one readable string, e.g. {@code 42} or {@code 7|A-1}, for logs and status. */
  public String keyText() {
    return String.join("|", key);
  }
}
