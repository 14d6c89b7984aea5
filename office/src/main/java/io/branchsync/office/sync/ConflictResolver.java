package io.branchsync.office.sync;

import io.branchsync.office.registry.Branch;
import io.branchsync.office.registry.Conflict;
import io.branchsync.schema.capture.RowFetcher;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.policy.ConflictRule;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds {@code Both} rows a shop sent that the office also changed since its last push to that
 * shop, records each conflict with both versions, and applies the policy set's rule: by default the
 * office's version stays (and goes back to the shop with the next push).
 */
final class ConflictResolver {
  private final Office office;

  ConflictResolver(Office office) {
    this.office = office;
  }

  record Outcome(ChunkStatement statement, long conflicts) {}

  /**
   * @param pushCursor the branch's push cursor: office changes after it have not reached the shop
   */
  Outcome resolve(
      Connection c,
      Branch branch,
      long pushCursor,
      PolicySet policies,
      SchemaCatalog catalog,
      ChunkStatement statement)
      throws SQLException {
    Set<String> pending = pendingAtOffice(c, statement.table(), branch.id(), pushCursor);
    List<String> keys = RowKeys.keysOf(statement);
    Set<String> conflicting = new HashSet<>();
    keys.stream().filter(pending::contains).forEach(conflicting::add);
    if (conflicting.isEmpty()) {
      return new Outcome(statement, 0);
    }
    TableMeta table = catalog.require(statement.table());
    ConflictRule rule = policies.conflictRule();
    for (int i = 0; i < keys.size(); i++) {
      if (conflicting.contains(keys.get(i))) {
        office
            .conflicts()
            .record(
                c,
                new Conflict(
                    0,
                    branch.id(),
                    table.name(),
                    keys.get(i),
                    officeVersion(c, table, keys.get(i)),
                    branchVersion(statement, i),
                    rule.fileName(),
                    null));
      }
    }
    ChunkStatement kept =
        rule == ConflictRule.OFFICE_WINS
            ? RowKeys.without(statement, conflicting::contains)
            : statement;
    return new Outcome(kept, conflicting.size());
  }

  /** Keys of the table the office changed after the branch's push cursor, not from that branch. */
  private static Set<String> pendingAtOffice(
      Connection c, String table, int branchId, long pushCursor) throws SQLException {
    Set<String> keys = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT pk1, pk2, pk3 FROM sync_change"
                + " WHERE table_name = ? AND (seq IS NULL OR seq > ?) AND (origin IS NULL OR origin <> ?)")) {
      s.setString(1, table);
      s.setLong(2, pushCursor);
      s.setInt(3, branchId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<String> parts = new ArrayList<>();
          for (int i = 1; i <= 3 && rs.getString(i) != null; i++) {
            parts.add(rs.getString(i));
          }
          keys.add(String.join("|", parts));
        }
      }
    }
    return keys;
  }

  private String officeVersion(Connection c, TableMeta table, String key) throws SQLException {
    List<String> parts = Arrays.asList(key.split("\\|", -1));
    Map<List<String>, List<SqlValue>> rows =
        new RowFetcher(office.dialect()).fetch(c, table, List.of(parts));
    List<SqlValue> row = rows.get(parts);
    return row == null ? "(deleted)" : RowKeys.describe(table.columnNames(), row);
  }

  private static String branchVersion(ChunkStatement statement, int index) {
    if (statement instanceof Upsert upsert) {
      return RowKeys.describe(upsert.columns(), upsert.rows().get(index));
    }
    return "(deleted)";
  }
}
