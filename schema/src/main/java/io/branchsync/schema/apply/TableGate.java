package io.branchsync.schema.apply;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a parsed statement through only when its table is one the receiving side accepts, its
 * columns exist and its key is the table's primary key.
 */
final class TableGate {
  private final SchemaCatalog catalog;
  private final Set<String> allowed;

  TableGate(SchemaCatalog catalog, Set<String> allowed) {
    this.catalog = catalog;
    this.allowed = allowed;
  }

  TableMeta table(ChunkStatement statement) {
    String name = statement.table().toLowerCase(Locale.ROOT);
    if (!allowed.contains(name)) {
      throw new SyncException(
          ErrorCode.TABLE_NOT_ALLOWED,
          where(statement) + "table " + statement.table() + " may not be written from this side");
    }
    return catalog
        .find(name)
        .orElseThrow(
            () ->
                new SyncException(
                    ErrorCode.TABLE_NOT_ALLOWED,
                    where(statement) + "no table " + statement.table()));
  }

  List<ColumnMeta> columns(ChunkStatement statement, TableMeta table, List<String> names) {
    List<ColumnMeta> columns = new ArrayList<>(names.size());
    for (String name : names) {
      columns.add(
          table
              .column(name.toLowerCase(Locale.ROOT))
              .orElseThrow(
                  () ->
                      new SyncException(
                          ErrorCode.BAD_CHUNK,
                          where(statement) + "table " + table.name() + " has no column " + name)));
    }
    return columns;
  }

  void requirePrimaryKey(ChunkStatement statement, TableMeta table, List<String> keyColumns) {
    Set<String> given = new HashSet<>();
    keyColumns.forEach(k -> given.add(k.toLowerCase(Locale.ROOT)));
    if (!given.equals(new HashSet<>(table.primaryKey()))) {
      throw new SyncException(
          ErrorCode.BAD_CHUNK,
          where(statement)
              + "key "
              + keyColumns
              + " is not the primary key "
              + table.primaryKey()
              + " of "
              + table.name());
    }
  }

  static String where(ChunkStatement statement) {
    return statement.line() > 0 ? "statement at line " + statement.line() + ": " : "";
  }
}
