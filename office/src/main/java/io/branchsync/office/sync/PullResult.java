package io.branchsync.office.sync;

import java.util.Map;

/** What a pull moved: rows applied at the office per table, conflicts seen, diff pages fetched. */
record PullResult(Map<String, Long> rowsByTable, long conflicts, int pages) {
  long rows() {
    return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
