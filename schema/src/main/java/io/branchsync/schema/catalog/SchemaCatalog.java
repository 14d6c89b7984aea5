package io.branchsync.schema.catalog;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tables of the connected database's current schema, read once from {@link DatabaseMetaData}.
 * Names are lower-case; BranchSync only syncs tables with plain lower-case identifiers.
 */
public final class SchemaCatalog {
  private final Map<String, TableMeta> tables;

  private SchemaCatalog(Map<String, TableMeta> tables) {
    this.tables = tables;
  }

  /** Reads every base table of the connection's current schema (PostgreSQL) or database (MySQL). */
  public static SchemaCatalog read(Connection connection) {
    try {
      DatabaseMetaData meta = connection.getMetaData();
      String catalog = connection.getCatalog();
      String schema = connection.getSchema();
      Map<String, TableMeta> tables = new TreeMap<>();
      for (String table : tableNames(meta, catalog, schema)) {
        tables.put(table, readTable(meta, catalog, schema, table));
      }
      return new SchemaCatalog(tables);
    } catch (SQLException e) {
      throw SyncException.fromSql("reading the database's tables", e);
    }
  }

  public Optional<TableMeta> find(String table) {
    return Optional.ofNullable(tables.get(table.toLowerCase(Locale.ROOT)));
  }

  /** The table, or a SCHEMA_MISMATCH error naming it. */
  public TableMeta require(String table) {
    return find(table)
        .orElseThrow(() -> new SyncException(ErrorCode.SCHEMA_MISMATCH, "no table named " + table));
  }

  public Collection<TableMeta> tables() {
    return tables.values();
  }

  /**
   * Orders the given tables parents first (a table after every table its foreign keys point to),
   * keeping the given order otherwise. Cycles are broken by the given order.
   */
  public List<String> parentsFirst(Collection<String> names) {
    List<String> ordered = new ArrayList<>();
    Set<String> wanted = new HashSet<>(names);
    Set<String> visiting = new HashSet<>();
    for (String name : names) {
      visit(name, wanted, visiting, ordered);
    }
    return ordered;
  }

  private void visit(String name, Set<String> wanted, Set<String> visiting, List<String> out) {
    if (out.contains(name) || !visiting.add(name)) {
      return;
    }
    TableMeta table = tables.get(name);
    if (table != null) {
      for (String parent : table.parents()) {
        if (wanted.contains(parent) && !parent.equals(name)) {
          visit(parent, wanted, visiting, out);
        }
      }
    }
    out.add(name);
  }

  private static List<String> tableNames(DatabaseMetaData meta, String catalog, String schema)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static TableMeta readTable(
      DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
    List<ColumnMeta> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
      while (rs.next()) {
        String typeName = rs.getString("TYPE_NAME");
        columns.add(
            new ColumnMeta(
                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                ColumnKind.of(rs.getInt("DATA_TYPE"), typeName, rs.getInt("COLUMN_SIZE")),
                rs.getInt("DATA_TYPE"),
                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")),
                typeName == null ? "" : typeName.toLowerCase(Locale.ROOT),
                rs.getInt("COLUMN_SIZE"),
                rs.getInt("DECIMAL_DIGITS"),
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
      }
    }
    Map<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    Set<String> parents = new HashSet<>();
    // foreign key name -> its columns with the table they point at; one column makes a reference
    Map<String, Map<String, String>> foreignKeys = new TreeMap<>();
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
      while (rs.next()) {
        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
        parents.add(parent);
        String name = rs.getString("FK_NAME");
        foreignKeys
            .computeIfAbsent(name == null ? parent : name, n -> new TreeMap<>())
            .put(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT), parent);
      }
    }
    Map<String, String> references = new TreeMap<>();
    foreignKeys.values().stream().filter(k -> k.size() == 1).forEach(references::putAll);
    List<String> primaryKey = new ArrayList<>(key.values());
    return new TableMeta(
        table,
        columns,
        primaryKey,
        parents,
        uniqueKeys(meta, catalog, schema, table, columns, primaryKey),
        references);
  }

  /**
   * The table's unique indexes other than the primary key, by column. An index on an expression
   * names something that is not a column and is left out, as is a partial one and one that holds
   * the whole primary key (it can never be shared by two rows).
   */
  private static List<List<String>> uniqueKeys(
      DatabaseMetaData meta,
      String catalog,
      String schema,
      String table,
      List<ColumnMeta> columns,
      List<String> primaryKey)
      throws SQLException {
    Map<String, Map<Integer, String>> byIndex = new TreeMap<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, true, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        String filter = rs.getString("FILTER_CONDITION");
        // a partial index (PostgreSQL's WHERE) binds only some rows: no key every row must keep
        if (index == null
            || rs.getBoolean("NON_UNIQUE")
            || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
            || (filter != null && !filter.isBlank())) {
          continue;
        }
        byIndex
            .computeIfAbsent(index, i -> new TreeMap<>())
            .put(
                (int) rs.getShort("ORDINAL_POSITION"),
                column == null ? "" : column.toLowerCase(Locale.ROOT));
      }
    }
    Set<String> known = new HashSet<>();
    columns.forEach(c -> known.add(c.name()));
    List<List<String>> keys = new ArrayList<>();
    for (Map<Integer, String> index : byIndex.values()) {
      List<String> key = new ArrayList<>(index.values());
      if (known.containsAll(key) && !key.containsAll(primaryKey) && !keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** For tests and callers that build a catalog from known tables. */
  public static SchemaCatalog of(Collection<TableMeta> tables) {
    Map<String, TableMeta> map = new LinkedHashMap<>();
    tables.forEach(t -> map.put(t.name(), t));
    return new SchemaCatalog(map);
  }
}
