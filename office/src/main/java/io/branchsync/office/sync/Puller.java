package io.branchsync.office.sync;

import io.branchsync.office.client.ShopClient;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.registry.SyncState;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.protocol.message.DiffResult;
import io.branchsync.schema.RowRejectedException;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.apply.ChunkApplier;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pulls a shop's changes: {@code diff} pages, each applied at the office in one transaction with
 * origin = the branch, together with the new cursor; passing the cursor back acknowledges it. Pages
 * until the shop has nothing more, or a few pages past the first time it had no more (sales made
 * meanwhile wait for the next run); either way the last call acknowledges everything applied.
 */
final class Puller {
  /**
   * Pages of sales made during the pull that are still applied once the shop had no more: a few, so
   * that a provisioning's collection usually ends on an empty page and its clean goes through,
   * never unbounded.
   */
  private static final int TRAILING_PAGES = 3;

  static final String DIRECTION = "pull";
  private static final long MAX_PAGE_BYTES = 512L * 1024 * 1024;
  private final Office office;
  private final ConflictResolver conflicts;
  private final KeyCollisionGuard collisions;

  Puller(Office office) {
    this.office = office;
    this.conflicts = new ConflictResolver(office);
    this.collisions = new KeyCollisionGuard(office);
  }

  PullResult pull(Branch branch, ShopClient client, SqlDialect shopDialect, PolicySet policies) {
    SyncState state = office.states().find(branch.id()).orElseThrow();
    String cursor = state.pullCursor();
    SchemaCatalog catalog = office.catalog();
    Set<String> allowed = new HashSet<>(policies.tables(Policy::shopToOffice));
    Map<String, Long> rows = new LinkedHashMap<>();
    long conflictCount = 0;
    int pages = 0;
    int trailingPages = -1; // pages applied since the shop first had no more; -1 before that
    while (true) {
      DiffResult page = client.diff(cursor);
      pages++;
      List<ChunkStatement> statements = parse(page.data(), shopDialect);
      if (statements.isEmpty() && !page.more()) {
        if (!page.next().equals(cursor)) {
          saveCursor(branch, page.next());
        }
        return new PullResult(rows, conflictCount, pages);
      }
      if (trailingPages >= TRAILING_PAGES) {
        // Tills kept selling while the run pulled: this call acknowledged everything applied,
        // and what it brought is left for the next run (the shop sends it again from the
        // cursor). Going on would chase a busy shop's tills for ever and never reach the push.
        return new PullResult(rows, conflictCount, pages);
      }
      PageOutcome outcome =
          applyPageGivingWay(
              branch, state.pushCursor(), policies, catalog, allowed, statements, page.next());
      outcome.rowsByTable().forEach((table, n) -> rows.merge(table, n, Long::sum));
      conflictCount += outcome.conflicts();
      cursor = page.next();
      if (trailingPages >= 0) {
        trailingPages++;
      } else if (!page.more()) {
        trailingPages = 0; // the page held all the shop had when it answered
      }
    }
  }

  /**
   * Applies a page; when the office's database broke a deadlock by rolling this apply back (syncs
   * of several branches write the same tables at once), the page is applied again a little later,
   * with a fresh applier since each attempt is its own transaction and the applier remembers rows.
   */
  private PageOutcome applyPageGivingWay(
      Branch branch,
      long pushCursor,
      PolicySet policies,
      SchemaCatalog catalog,
      Set<String> allowed,
      List<ChunkStatement> statements,
      String next) {
    return LockConflictRetry.run(
        "branch " + branch.id() + "'s page",
        () ->
            applyPage(
                branch,
                pushCursor,
                policies,
                catalog,
                new ChunkApplier(office.dialect(), catalog, allowed),
                statements,
                next));
  }

  private PageOutcome applyPage(
      Branch branch,
      long pushCursor,
      PolicySet policies,
      SchemaCatalog catalog,
      ChunkApplier applier,
      List<ChunkStatement> statements,
      String next) {
    Set<String> skip = office.failedRows().toSkip(branch.id(), DIRECTION);
    try (Connection c = office.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        office.dialect().setOrigin(c, branch.id());
        List<ChunkStatement> kept = new ArrayList<>();
        long conflictCount = 0;
        for (ChunkStatement statement : statements) {
          ChunkStatement left =
              RowKeys.without(statement, key -> skip.contains(statement.table() + "|" + key));
          Policy policy = policies.policyOf(statement.table()).orElse(null);
          if (left != null && policy == Policy.FromTarget) {
            KeyCollisionGuard.Outcome guarded =
                collisions.check(c, branch, catalog, policies, left);
            conflictCount += guarded.collisions();
            left = guarded.statement();
          }
          if (left != null && policy == Policy.Both) {
            ConflictResolver.Outcome resolved =
                conflicts.resolve(c, branch, pushCursor, policies, catalog, left);
            conflictCount += resolved.conflicts();
            left = resolved.statement();
          }
          if (left != null) {
            kept.add(left);
          }
        }
        applier.apply(c, kept.iterator());
        applier.finish();
        Map<String, Long> rows = new LinkedHashMap<>();
        kept.forEach(st -> rows.merge(st.table(), (long) st.rowCount(), Long::sum));
        office.states().savePullCursor(c, branch.id(), next);
        office.failedRows().settle(c, branch.id(), DIRECTION);
        c.commit();
        return new PageOutcome(rows, conflictCount);
      } catch (RowRejectedException e) {
        c.rollback();
        office.failedRows().recordOpen(branch.id(), DIRECTION, e.table(), e.key(), e.reason());
        throw e;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        office.dialect().clearOrigin(c);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("applying branch " + branch.id() + "'s changes", e);
    }
  }

  private void saveCursor(Branch branch, String next) {
    try (Connection c = office.dataSource().getConnection()) {
      office.states().savePullCursor(c, branch.id(), next);
    } catch (SQLException e) {
      throw SyncException.fromSql("saving branch " + branch.id() + "'s pull cursor", e);
    }
  }

  private static List<ChunkStatement> parse(byte[] data, SqlDialect dialect) {
    if (data.length == 0) {
      return List.of();
    }
    return SqlChunkParser.forDialect(dialect)
        .parseAll(ChunkCodec.decodeToString(data, MAX_PAGE_BYTES));
  }

  private record PageOutcome(Map<String, Long> rowsByTable, long conflicts) {}
}
