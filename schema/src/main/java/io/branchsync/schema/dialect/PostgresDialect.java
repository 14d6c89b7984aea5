package io.branchsync.schema.dialect;

import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** PostgreSQL 11 and later. */
public class PostgresDialect implements Dialect {
  // built-in types the catalog names as a CAST takes them; a user type (an enum, a domain, a type
  // in another schema or with capitals) keeps the upsert, which needs no cast
  private static final Set<String> CAST_TYPES =
      Set.of(
          "int2",
          "int4",
          "int8",
          "serial",
          "serial4",
          "serial8",
          "bigserial",
          "smallserial",
          "serial2",
          "numeric",
          "float4",
          "float8",
          "bool",
          "varchar",
          "bpchar",
          "text",
          "date",
          "time",
          "timetz",
          "timestamp",
          "timestamptz",
          "bytea",
          "uuid",
          "json",
          "jsonb",
          "interval");
  private static final String ORIGIN_SETTING = "branchsync.origin";

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.POSTGRESQL;
  }

  @Override
  public String migrationFolder() {
    return "postgresql";
  }

  @Override
  public String quote(String identifier) {
    return '"' + Identifiers.requirePlain(identifier) + '"';
  }

  @Override
  public void setOrigin(Connection connection, Integer origin) throws SQLException {
    // is_local = true: the mark ends with the transaction, so a pooled connection never leaks it.
    try (PreparedStatement s = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
      s.setString(1, ORIGIN_SETTING);
      s.setString(2, origin == null ? "" : origin.toString());
      s.execute();
    }
  }

  @Override
  public void clearOrigin(Connection connection) {
    // transaction-scoped already
  }

  @Override
  public List<String> installCapture(TableMeta table, boolean logRemote) {
    String name = Identifiers.requirePlain(table.name());
    String function = quote("bs_capture_" + name);
    List<String> key = table.primaryKey();
    String body =
        "DECLARE origin int := NULLIF(current_setting('"
            + ORIGIN_SETTING
            + "', true), '')::int;\nBEGIN\n"
            + (logRemote ? "" : "  IF origin IS NOT NULL THEN RETURN NULL; END IF;\n")
            + "  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND ("
            + rowOf("OLD", key)
            + ") IS DISTINCT FROM ("
            + rowOf("NEW", key)
            + ")) THEN\n    "
            + logInsert(name, "OLD", key, "'D'")
            + "\n  END IF;\n  IF TG_OP <> 'DELETE' THEN\n    "
            + logInsert(name, "NEW", key, "left(TG_OP, 1)")
            + "\n  END IF;\n  RETURN NULL;\nEND";
    return List.of(
        "CREATE OR REPLACE FUNCTION "
            + function
            + "() RETURNS trigger LANGUAGE plpgsql AS $bs$\n"
            + body
            + "\n$bs$",
        "DROP TRIGGER IF EXISTS bs_capture ON " + quote(name),
        "CREATE TRIGGER bs_capture AFTER INSERT OR UPDATE OR DELETE ON "
            + quote(name)
            + " FOR EACH ROW EXECUTE FUNCTION "
            + function
            + "()");
  }

  private String rowOf(String record, List<String> key) {
    return key.stream()
        .map(k -> record + "." + quote(k))
        .collect(Collectors.joining(", ", "ROW(", ")"));
  }

  private String logInsert(String table, String record, List<String> key, String op) {
    StringBuilder pk = new StringBuilder();
    for (int i = 0; i < CaptureColumns.KEY_PARTS; i++) {
      pk.append(i < key.size() ? record + "." + quote(key.get(i)) + "::text" : "NULL").append(", ");
    }
    return "INSERT INTO sync_change (table_name, pk1, pk2, pk3, op, origin, txid) VALUES ('"
        + table
        + "', "
        + pk
        + op
        + ", origin, txid_current());";
  }

  @Override
  public List<String> uninstallCapture(String table) {
    return List.of(
        "DROP TRIGGER IF EXISTS bs_capture ON " + quote(table),
        "DROP FUNCTION IF EXISTS " + quote("bs_capture_" + table) + "()");
  }

  @Override
  public String upsert(String table, List<String> columns, List<String> keyColumns, int rows) {
    String conflict =
        keyColumns.stream()
            .map(this::quote)
            .collect(Collectors.joining(", ", " ON CONFLICT (", ")"));
    List<String> updated = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
    String action =
        updated.isEmpty()
            ? " DO NOTHING"
            : updated.stream()
                .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", ", " DO UPDATE SET ", ""));
    return UpsertText.insertValues(this, table, columns, rows) + conflict + action;
  }

  /**
   * {@code UPDATE ... FROM (VALUES ...)}: a plain update takes the row lock that blocks a till's
   * foreign-key check ({@code FOR KEY SHARE}) only when it really changes a unique column, while
   * {@code ON CONFLICT DO UPDATE} takes it whenever a unique column is in its SET list, so a price
   * change would make tills selling that product wait, and deadlock.
   */
  @Override
  public Optional<String> updateByKey(
      String table, List<ColumnMeta> columns, List<String> keyColumns, int rows) {
    List<String> names = columns.stream().map(ColumnMeta::name).toList();
    List<String> updated = names.stream().filter(c -> !keyColumns.contains(c)).toList();
    boolean typed = columns.stream().allMatch(c -> CAST_TYPES.contains(c.typeName()));
    if (updated.isEmpty() || !typed || !names.containsAll(keyColumns)) {
      return Optional.empty();
    }
    String row =
        columns.stream()
            .map(c -> "CAST(? AS " + castType(c.typeName()) + ")")
            .collect(Collectors.joining(", ", "(", ")"));
    return Optional.of(
        "UPDATE "
            + quote(table)
            + " AS t SET "
            + updated.stream()
                .map(c -> quote(c) + " = v." + quote(c))
                .collect(Collectors.joining(", "))
            + " FROM (VALUES "
            + String.join(", ", Collections.nCopies(rows, row))
            + ") AS v ("
            + names.stream().map(this::quote).collect(Collectors.joining(", "))
            + ") WHERE "
            + keyColumns.stream()
                .map(k -> "t." + quote(k) + " = v." + quote(k))
                .collect(Collectors.joining(" AND ")));
  }

  /** The driver reports serial columns by their shorthand, which is no type to cast to. */
  private static String castType(String typeName) {
    return switch (typeName) {
      case "bigserial", "serial8" -> "int8";
      case "serial", "serial4" -> "int4";
      case "smallserial", "serial2" -> "int2";
      default -> typeName;
    };
  }

  @Override
  public boolean upsertMatchesAnyUniqueKey() {
    // ON CONFLICT names the primary key; a clash on another unique index is an error
    return false;
  }

  @Override
  public String lockRowsRead() {
    // row locks only: sessions inserting other keys never wait for each other; NO KEY UPDATE
    // lets tills' foreign-key checks (FOR KEY SHARE) on these rows go on
    return " FOR NO KEY UPDATE";
  }

  @Override
  public int maxParameters() {
    return 32_000;
  }

  @Override
  public void bindText(PreparedStatement statement, int index, String value) throws SQLException {
    // Types.OTHER sends the value untyped, so the server parses it as the column's own type.
    statement.setObject(index, value, Types.OTHER);
  }

  @Override
  public void setSequenceStart(Connection connection, String table, String column, long start)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, false)")) {
      s.setString(1, quote(table));
      s.setString(2, Identifiers.requirePlain(column));
      s.setLong(3, start);
      s.execute();
    }
  }

  @Override
  public OptionalLong nextKey(Connection connection, String table, String column)
      throws SQLException {
    String sequence;
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
      s.setString(1, quote(table));
      s.setString(2, Identifiers.requirePlain(column));
      try (ResultSet rs = s.executeQuery()) {
        sequence = rs.next() ? rs.getString(1) : null;
      }
    }
    if (sequence == null) {
      return OptionalLong.empty();
    }
    // a sequence is read with its name in the FROM clause; each part passes through quote
    StringBuilder name = new StringBuilder();
    for (String part : sequence.split("\\.")) {
      String plain = part.startsWith("\"") ? part.substring(1, part.length() - 1) : part;
      name.append(name.length() == 0 ? "" : ".").append(quote(plain));
    }
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " + name);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
    }
  }

  @Override
  public void streamResults(java.sql.Statement statement) throws SQLException {
    // pgjdbc uses a server cursor when a fetch size is set outside auto-commit.
    statement.setFetchSize(2_000);
  }

  @Override
  public CopyLoader copyLoader() {
    return new PostgresCopyLoader(this);
  }

  @Override
  public boolean tryLock(Connection connection, String name) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  @Override
  public void unlock(Connection connection, String name) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
      s.setString(1, name);
      s.execute();
    }
  }
}
