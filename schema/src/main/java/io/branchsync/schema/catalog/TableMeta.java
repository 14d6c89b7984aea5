package io.branchsync.schema.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the database describes it: columns in order, primary key, the tables its foreign keys
 * point to (for parent-first ordering), and its unique keys other than the primary key, each a list
 * of plain columns (unique indexes on expressions are left out: we cannot reason about them, and
 * the database still enforces them), and which column of a single-column foreign key points at
 * which table.
 */
public record TableMeta(
    String name,
    List<ColumnMeta> columns,
    List<String> primaryKey,
    Set<String> parents,
    List<List<String>> uniqueKeys,
    Map<String, String> references) {

  public TableMeta {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    parents = Set.copyOf(parents);
    uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    references = Map.copyOf(references);
  }

  /** A table whose foreign keys are known only by the tables they point at. */
  public TableMeta(
      String name,
      List<ColumnMeta> columns,
      List<String> primaryKey,
      Set<String> parents,
      List<List<String>> uniqueKeys) {
    this(name, columns, primaryKey, parents, uniqueKeys, Map.of());
  }

  /** A table without unique keys besides its primary key. */
  public TableMeta(
      String name, List<ColumnMeta> columns, List<String> primaryKey, Set<String> parents) {
    this(name, columns, primaryKey, parents, List.of());
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnMeta::name).toList();
  }

  public Optional<ColumnMeta> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The key column when the key is a single integer filled by a sequence or AUTO_INCREMENT. */
  public Optional<ColumnMeta> sequenceKey() {
    if (primaryKey.size() != 1) {
      return Optional.empty();
    }
    return column(primaryKey.get(0))
        .filter(c -> c.kind() == ColumnKind.INTEGER && c.autoIncrement());
  }
}
