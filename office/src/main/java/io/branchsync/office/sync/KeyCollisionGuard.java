package io.branchsync.office.sync;

import io.branchsync.office.registry.Branch;
import io.branchsync.office.registry.Conflict;
import io.branchsync.schema.capture.RowFetcher;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a branch's {@code FromTarget} rows (sales, items, payments) from landing on a row of
 * someone else. Such rows are created only at their branch, with keys of its range; one whose key
 * lies outside that range and already exists at the office with other values is a key collision (an
 * application that chose its own keys, a database restored from elsewhere), never an update. It is
 * recorded as a conflict with both versions, resolution {@link #RESOLUTION}, and left out; the
 * office's row stays. A delete of such a key is a collision too: the branch never had that row to
 * delete. The same row again, unchanged, is left out silently. A row whose foreign key points at a
 * row recorded so (the items and payment of a sale forced into another branch's key) is recorded
 * and left out with it: applied, it would hang under the other branch's row.
 */
final class KeyCollisionGuard {
  static final String RESOLUTION = "key-collision";

  /** The office's version of a row it does not have. */
  static final String ABSENT = "(absent)";

  private final Office office;

  KeyCollisionGuard(Office office) {
    this.office = office;
  }

  record Outcome(ChunkStatement statement, long collisions) {}

  Outcome check(
      Connection c,
      Branch branch,
      SchemaCatalog catalog,
      PolicySet policies,
      ChunkStatement statement)
      throws SQLException {
    Outcome own = checkOwnKeys(c, branch, catalog, statement);
    if (own.statement() == null) {
      return own;
    }
    Outcome children = checkParents(c, branch, catalog, policies, own.statement());
    return new Outcome(children.statement(), own.collisions() + children.collisions());
  }

  private Outcome checkOwnKeys(
      Connection c, Branch branch, SchemaCatalog catalog, ChunkStatement statement)
      throws SQLException {
    TableMeta table = catalog.require(statement.table());
    if (table.sequenceKey().isEmpty()) {
      return new Outcome(statement, 0);
    }
    List<String> keys = RowKeys.keysOf(statement);
    List<List<String>> outside =
        keys.stream().filter(key -> !inside(branch.idRange(), key)).map(List::of).toList();
    if (outside.isEmpty()) {
      return new Outcome(statement, 0);
    }
    Map<List<String>, List<SqlValue>> existing =
        new RowFetcher(office.dialect()).fetch(c, table, outside);
    Set<String> dropped = new HashSet<>();
    long collisions = 0;
    for (int i = 0; i < keys.size(); i++) {
      List<SqlValue> atOffice = existing.get(List.of(keys.get(i)));
      if (atOffice == null) {
        // a new row the branch made with a key of its choosing, or a delete with nothing to do
        continue;
      }
      dropped.add(keys.get(i));
      String sent = branchVersion(table, atOffice, statement, i);
      if (sent != null) {
        collisions++;
        record(
            c, branch, table, keys.get(i), RowKeys.describe(table.columnNames(), atOffice), sent);
      }
    }
    return new Outcome(RowKeys.without(statement, dropped::contains), collisions);
  }

  /**
   * Leaves out, and records, the rows whose single-column foreign key holds a key of a parent row
   * of another range that was recorded as a collision for this branch.
   */
  private Outcome checkParents(
      Connection c,
      Branch branch,
      SchemaCatalog catalog,
      PolicySet policies,
      ChunkStatement statement)
      throws SQLException {
    if (!(statement instanceof Upsert upsert)) {
      return new Outcome(statement, 0); // a delete names only its own key
    }
    TableMeta table = catalog.require(statement.table());
    Set<Integer> orphans = new HashSet<>();
    for (Map.Entry<String, String> reference : table.references().entrySet()) {
      int column = upsert.columns().indexOf(reference.getKey());
      Optional<TableMeta> parent = catalog.find(reference.getValue());
      // only FromTarget rows are ever recorded so; a product or customer reference is no clue
      if (column < 0
          || parent.isEmpty()
          || parent.get().sequenceKey().isEmpty()
          || policies.policyOf(parent.get().name()).orElse(null) != Policy.FromTarget) {
        continue;
      }
      Map<Integer, String> outside = new HashMap<>();
      for (int i = 0; i < upsert.rows().size(); i++) {
        SqlValue value = upsert.rows().get(i).get(column);
        String key = value instanceof SqlValue.Null ? null : SqlValue.plainText(value);
        if (key != null && !inside(branch.idRange(), key)) {
          outside.put(i, key);
        }
      }
      if (!outside.isEmpty()) {
        Set<String> collided =
            office
                .conflicts()
                .recordedKeys(c, branch.id(), parent.get().name(), RESOLUTION, outside.values());
        outside.forEach(
            (row, key) -> {
              if (collided.contains(key)) {
                orphans.add(row);
              }
            });
      }
    }
    if (orphans.isEmpty()) {
      return new Outcome(statement, 0);
    }
    List<String> keys = RowKeys.keysOf(statement);
    Map<List<String>, List<SqlValue>> existing =
        new RowFetcher(office.dialect())
            .fetch(c, table, orphans.stream().map(i -> List.of(keys.get(i))).toList());
    Set<String> dropped = new HashSet<>();
    for (int row : orphans) {
      List<SqlValue> atOffice = existing.get(List.of(keys.get(row)));
      dropped.add(keys.get(row));
      record(
          c,
          branch,
          table,
          keys.get(row),
          atOffice == null ? ABSENT : RowKeys.describe(table.columnNames(), atOffice),
          RowKeys.describe(upsert.columns(), upsert.rows().get(row)));
    }
    return new Outcome(RowKeys.without(statement, dropped::contains), orphans.size());
  }

  private void record(
      Connection c,
      Branch branch,
      TableMeta table,
      String key,
      String officeVersion,
      String branchVersion)
      throws SQLException {
    office
        .conflicts()
        .record(
            c,
            new Conflict(
                0, branch.id(), table.name(), key, officeVersion, branchVersion, RESOLUTION, null));
  }

  /** What the branch sent for row {@code i}, or null when it is the office's row unchanged. */
  private static String branchVersion(
      TableMeta table, List<SqlValue> atOffice, ChunkStatement statement, int i) {
    if (!(statement instanceof Upsert upsert)) {
      return "(deleted)";
    }
    List<SqlValue> row = upsert.rows().get(i);
    return sameValues(table, atOffice, upsert, row)
        ? null
        : RowKeys.describe(upsert.columns(), row);
  }

  private static boolean inside(IdRange range, String key) {
    try {
      long value = Long.parseLong(key);
      return value >= range.first() && value <= range.last();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean sameValues(
      TableMeta table, List<SqlValue> atOffice, Upsert upsert, List<SqlValue> sent) {
    List<String> columns = table.columnNames();
    for (int i = 0; i < upsert.columns().size(); i++) {
      int at = columns.indexOf(upsert.columns().get(i));
      if (at < 0 || !SqlValue.plainText(atOffice.get(at)).equals(SqlValue.plainText(sent.get(i)))) {
        return false;
      }
    }
    return true;
  }
}
