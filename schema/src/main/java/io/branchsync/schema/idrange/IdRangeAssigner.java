package io.branchsync.schema.idrange;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.dialect.KeyAllocator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Moves the ID sequences of the tables whose rows a branch creates to the start of its range (and
 * their key allocators, where the database needs them), and measures how full a range is.
 */
public final class IdRangeAssigner {
  private final Dialect dialect;

  public IdRangeAssigner(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Sets every named table's sequence to hand out {@code range.first()} next, unless it already
   * stands at or further on inside the range: it never moves back over keys it may have handed out
   * (a till may hold one uncommitted). Refuses, before changing anything, when a table holds a row
   * at or above where its keys would go on from: the next local insert would collide with it.
   */
  public void assign(Connection connection, Collection<String> tables, IdRange range) {
    assign(connection, SchemaCatalog.read(connection), tables, range);
  }

  /** As {@link #assign(Connection, Collection, IdRange)}, with the schema already read. */
  public void assign(
      Connection connection, SchemaCatalog catalog, Collection<String> tables, IdRange range) {
    try {
      Set<String> onTheirWay = new HashSet<>();
      for (String table : tables) {
        String key = sequenceKey(catalog, table).name();
        OptionalLong next = counterInside(connection, table, key, range);
        IdRange ahead = new IdRange(next.orElse(range.first()), range.last());
        long used = rowsIn(connection, table, key, ahead);
        if (used > 0) {
          throw new SyncException(
              ErrorCode.ID_RANGE_OCCUPIED,
              "table "
                  + table
                  + " already holds "
                  + used
                  + " rows with "
                  + key
                  + " in "
                  + ahead
                  + "; choose a range no branch has used");
        }
        if (next.isPresent()) {
          onTheirWay.add(table);
        }
      }
      for (String table : tables) {
        if (onTheirWay.contains(table)) {
          // setting the counter, even to where it was read, would race with tills drawing keys
          continue;
        }
        String key = sequenceKey(catalog, table).name();
        Optional<KeyAllocator> allocator = dialect.keyAllocator();
        if (allocator.isPresent() && !allocator.get().installed(connection, table)) {
          allocator.get().install(connection, table, key, range.first());
        }
        dialect.setSequenceStart(connection, table, key, range.first());
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("setting ID sequences to " + range.first(), e);
    }
  }

  /** Where the table's local keys go on from, when that lies inside the range. */
  private OptionalLong counterInside(Connection connection, String table, String key, IdRange range)
      throws SQLException {
    Optional<KeyAllocator> allocator = dialect.keyAllocator();
    if (allocator.isPresent() && !allocator.get().installed(connection, table)) {
      return OptionalLong.empty();
    }
    OptionalLong next = dialect.nextKey(connection, table, key);
    return next.isPresent() && next.getAsLong() >= range.first() && next.getAsLong() <= range.last()
        ? next
        : OptionalLong.empty();
  }

  /** The highest key used inside the range, or {@code range.first() - 1} when none is. */
  public long highestUsed(Connection connection, String table, IdRange range) {
    return highestUsed(connection, SchemaCatalog.read(connection), table, range);
  }

  /** As {@link #highestUsed(Connection, String, IdRange)}, with the schema already read. */
  public long highestUsed(
      Connection connection, SchemaCatalog catalog, String table, IdRange range) {
    String key = sequenceKey(catalog, table).name();
    String sql =
        "SELECT MAX("
            + dialect.quote(key)
            + ") FROM "
            + dialect.quote(table)
            + " WHERE "
            + dialect.quote(key)
            + " BETWEEN ? AND ?";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, range.first());
      s.setLong(2, range.last());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long max = rs.getLong(1);
        return rs.wasNull() ? range.first() - 1 : max;
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("measuring ID range use of " + table, e);
    }
  }

  private long rowsIn(Connection connection, String table, String key, IdRange range)
      throws SQLException {
    String sql =
        "SELECT COUNT(*) FROM "
            + dialect.quote(table)
            + " WHERE "
            + dialect.quote(key)
            + " BETWEEN ? AND ?";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, range.first());
      s.setLong(2, range.last());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static ColumnMeta sequenceKey(SchemaCatalog catalog, String table) {
    TableMeta meta = catalog.require(table);
    return meta.sequenceKey()
        .orElseThrow(
            () ->
                new SyncException(
                    ErrorCode.SCHEMA_MISMATCH,
                    "table "
                        + table
                        + " has no single sequence-backed integer key to give an ID range"));
  }
}
