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
        .orElseThrow(
            () -> new SyncException(ErrorCode.SCHEMA_MISMATCH, "no table named " + table));
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
        columns.add(
            new ColumnMeta(
                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                ColumnKind.of(
                    rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE")),
                rs.getInt("DATA_TYPE"),
                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
      }
    }
    Map<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    Set<String> parents = new HashSet<>();
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
      while (rs.next()) {
        parents.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return new TableMeta(table, columns, new ArrayList<>(key.values()), parents);
  }

  /** For tests and callers that build a catalog from known tables. */
  public static SchemaCatalog of(Collection<TableMeta> tables) {
    Map<String, TableMeta> map = new LinkedHashMap<>();
    tables.forEach(t -> map.put(t.name(), t));
    return new SchemaCatalog(map);
  }
}
