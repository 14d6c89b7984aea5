package io.branchsync.schema.dialect;

import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** MySQL 8 and MariaDB 10.5 and later. */
public class MySqlDialect implements Dialect {
  private static final String ORIGIN_VARIABLE = "@branchsync_origin";

  @Override
  public SqlDialect sqlDialect() {
    return SqlDialect.MYSQL;
  }

  @Override
  public String migrationFolder() {
    return "mysql";
  }

  @Override
  public String quote(String identifier) {
    return '`' + Identifiers.requirePlain(identifier) + '`';
  }

  @Override
  public void setOrigin(Connection connection, Integer origin) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SET " + ORIGIN_VARIABLE + " = ?")) {
      if (origin == null) {
        s.setNull(1, java.sql.Types.INTEGER);
      } else {
        s.setInt(1, origin);
      }
      s.execute();
    }
  }

  @Override
  public void clearOrigin(Connection connection) throws SQLException {
    // User variables live as long as the session, so a pooled connection must be reset by hand.
    try (Statement s = connection.createStatement()) {
      s.execute("SET " + ORIGIN_VARIABLE + " = NULL");
    }
  }

  @Override
  public List<String> installCapture(TableMeta table, boolean logRemote) {
    String name = Identifiers.requirePlain(table.name());
    List<String> key = table.primaryKey();
    String guard = logRemote ? "TRUE" : ORIGIN_VARIABLE + " IS NULL";
    String keyChanged =
        key.stream()
            .map(k -> "NOT (OLD." + quote(k) + " <=> NEW." + quote(k) + ")")
            .collect(Collectors.joining(" OR "));
    List<String> sql = new ArrayList<>(uninstallCapture(name));
    sql.add(trigger(name, "ai", "INSERT", guard, logInsert(name, "NEW", key, "I")));
    sql.add(
        trigger(
            name,
            "au",
            "UPDATE",
            guard,
            "IF "
                + keyChanged
                + " THEN "
                + logInsert(name, "OLD", key, "D")
                + " END IF; "
                + logInsert(name, "NEW", key, "U")));
    sql.add(trigger(name, "ad", "DELETE", guard, logInsert(name, "OLD", key, "D")));
    return sql;
  }

  private String trigger(String table, String suffix, String event, String guard, String body) {
    return "CREATE TRIGGER "
        + quote(triggerName(table, suffix))
        + " AFTER "
        + event
        + " ON "
        + quote(table)
        + " FOR EACH ROW BEGIN IF "
        + guard
        + " THEN "
        + body
        + " END IF; END";
  }

  private static String triggerName(String table, String suffix) {
    String name = "bs_" + table;
    // MySQL identifiers stop at 64 characters; keep the suffix that tells the triggers apart.
    return (name.length() > 58 ? name.substring(0, 58) : name) + "_" + suffix;
  }

  /**
   * The name of an object BranchSync keeps for {@code table}. MySQL identifiers stop at 64
   * characters; the table part is cut, never the prefix and suffix that tell the objects apart.
   */
  static String objectName(String prefix, String table, String suffix) {
    int room = 64 - prefix.length() - suffix.length();
    return prefix + (table.length() > room ? table.substring(0, room) : table) + suffix;
  }

  private String logInsert(String table, String record, List<String> key, String op) {
    StringBuilder pk = new StringBuilder();
    for (int i = 0; i < CaptureColumns.KEY_PARTS; i++) {
      pk.append(i < key.size() ? record + "." + quote(key.get(i)) : "NULL").append(", ");
    }
    return "INSERT INTO sync_change (table_name, pk1, pk2, pk3, op, origin) VALUES ('"
        + table
        + "', "
        + pk
        + "'"
        + op
        + "', "
        + ORIGIN_VARIABLE
        + ");";
  }

  @Override
  public List<String> uninstallCapture(String table) {
    List<String> sql = new ArrayList<>();
    for (String suffix : List.of("ai", "au", "ad")) {
      sql.add("DROP TRIGGER IF EXISTS " + quote(triggerName(table, suffix)));
    }
    return sql;
  }

  @Override
  public String upsert(String table, List<String> columns, List<String> keyColumns, int rows) {
    List<String> updated = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
    String action =
        updated.isEmpty()
            ? quote(keyColumns.get(0)) + " = " + quote(keyColumns.get(0))
            : updated.stream()
                .map(c -> quote(c) + " = VALUES(" + quote(c) + ")")
                .collect(Collectors.joining(", "));
    return UpsertText.insertValues(this, table, columns, rows)
        + " ON DUPLICATE KEY UPDATE "
        + action;
  }

  @Override
  public boolean upsertMatchesAnyUniqueKey() {
    // ON DUPLICATE KEY UPDATE takes whichever unique index clashes first
    return true;
  }

  @Override
  public String lockRowsRead() {
    // InnoDB's FOR UPDATE also locks the gap where an absent key would go, so two open sessions
    // inserting new keys would wait for each other until one commits. A plain read is enough:
    // a row read as absent is a plain INSERT, which never updates another row.
    return "";
  }

  @Override
  public int maxParameters() {
    return 32_000;
  }

  @Override
  public void bindText(PreparedStatement statement, int index, String value) throws SQLException {
    statement.setString(index, value);
  }

  @Override
  public void setSequenceStart(Connection connection, String table, String column, long start)
      throws SQLException {
    // ALTER TABLE takes no placeholders; start is a long, so the text cannot carry anything else.
    // where an allocator hands out the local keys, its counter is the only one that matters
    MySqlKeyAllocator allocator = new MySqlKeyAllocator(this);
    if (allocator.installed(connection, table)) {
      allocator.restart(connection, table, start);
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("ALTER TABLE " + quote(table) + " AUTO_INCREMENT = " + start);
    }
  }

  /**
   * InnoDB breaks a deadlock by rolling back the transaction that wrote less, which is most often a
   * till's sale: a till's foreign-key check holds a shared lock on a product, then waits for the
   * next product the sync updates, while the sync waits for the first. Locking the rows a statement
   * writes up front with NOWAIT means the sync never waits on a till, so no cycle can form: the
   * sync gives way and is sent again.
   */
  @Override
  public Optional<String> lockKeysNowait(String table, List<String> keyColumns, int rows) {
    return Optional.of(
        "SELECT 1 FROM "
            + quote(table)
            + " WHERE "
            + keyIn(keyColumns, rows)
            + " FOR UPDATE NOWAIT");
  }

  @Override
  public OptionalLong nextKey(Connection connection, String table, String column)
      throws SQLException {
    return new MySqlKeyAllocator(this).nextKey(connection, table);
  }

  @Override
  public Optional<KeyAllocator> keyAllocator() {
    return Optional.of(new MySqlKeyAllocator(this));
  }

  @Override
  public void streamResults(java.sql.Statement statement) throws SQLException {
    // Connector/J streams row by row only for this sentinel fetch size.
    statement.setFetchSize(Integer.MIN_VALUE);
  }

  // GET_LOCK names are server-wide, unlike PostgreSQL's advisory locks, which belong to one
  // database: without the database in the name, two offices (or a test server's many chains) on
  // one server would hold each other's branches busy. MD5 keeps the name within the 64 characters
  // GET_LOCK accepts, whatever the database is called.
  private static final String SESSION_LOCK_NAME = "CONCAT(?, '@', MD5(DATABASE()))";

  @Override
  public boolean tryLock(Connection connection, String name) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT GET_LOCK(" + SESSION_LOCK_NAME + ", 0)")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  @Override
  public void unlock(Connection connection, String name) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT RELEASE_LOCK(" + SESSION_LOCK_NAME + ")")) {
      s.setString(1, name);
      s.execute();
    }
  }
}
