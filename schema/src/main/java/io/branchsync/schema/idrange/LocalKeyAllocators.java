package io.branchsync.schema.idrange;

import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.KeyAllocator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

/**
 * Installs the key allocators of the tables whose rows a node creates, where its database needs
 * them (see {@link KeyAllocator}). Run by {@code shop init} and {@code office init}, so an
 * installation made before allocators existed is upgraded in place: its data stays and its next key
 * too, unless that key already lies outside the node's own range (MySQL's jump), in which case the
 * node carries on after the highest key it used inside its range.
 */
public final class LocalKeyAllocators {
  private final Dialect dialect;

  public LocalKeyAllocators(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Installs an allocator on every named table that lacks one and renews the trigger of those that
   * have one, keeping their counters.
   *
   * @param ownRange the node's own range, or empty while it has none (a shop not yet provisioned)
   */
  public void install(
      Connection connection,
      SchemaCatalog catalog,
      Collection<String> tables,
      Optional<IdRange> ownRange) {
    Optional<KeyAllocator> allocator = dialect.keyAllocator();
    if (allocator.isEmpty()) {
      return;
    }
    try {
      for (String table : tables) {
        String key = IdRangeAssigner.sequenceKey(catalog, table).name();
        long start = 1;
        if (!allocator.get().installed(connection, table)) {
          start = firstKey(connection, catalog, table, ownRange);
        }
        allocator.get().install(connection, table, key, start);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("installing the key allocators", e);
    }
  }

  private long firstKey(
      Connection connection, SchemaCatalog catalog, String table, Optional<IdRange> ownRange)
      throws SQLException {
    String key = IdRangeAssigner.sequenceKey(catalog, table).name();
    long next = dialect.nextKey(connection, table, key).orElse(1);
    if (ownRange.isEmpty()) {
      return next;
    }
    IdRange range = ownRange.get();
    if (next >= range.first() && next <= range.last()) {
      return next;
    }
    return new IdRangeAssigner(dialect).highestUsed(connection, catalog, table, range) + 1;
  }
}
