package io.branchsync.schema.capture;

import io.branchsync.schema.chunk.ChunkStatement;
import java.util.List;

/**
 * Net changes read from the change log after a cursor, as chunk statements in foreign-key-safe
 * order.
 *
 * @param statements upserts (parents first) then deletes (children first)
 * @param keys the rows these statements carry, in statement order
 * @param nextSeq the cursor to read after next time (covers changes filtered out as well)
 * @param more whether changes remain after {@code nextSeq}
 * @param changes how many change-log rows this batch covered
 */
public record ChangeBatch(
    List<ChunkStatement> statements,
    List<ChangeKey> keys,
    long nextSeq,
    boolean more,
    int changes) {

  public ChangeBatch {
    statements = List.copyOf(statements);
    keys = List.copyOf(keys);
  }

  /** Rows carried (upserted or deleted). */
  public int rows() {
    return keys.size();
  }

  public boolean isEmpty() {
    return statements.isEmpty();
  }
}
