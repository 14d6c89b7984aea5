package io.branchsync.schema.apply;

import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.capture.CaptureInstaller;
import io.branchsync.schema.capture.ChangeBatch;
import io.branchsync.schema.capture.ChangeReader;
import io.branchsync.schema.capture.RowFetcher;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.testkit.TestDialect;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A table with a column of every supported kind, on two databases: rows written at the source
 * travel as chunk text (read, written, parsed, applied) to the target, the way sync moves them.
 */
final class RoundTrip implements AutoCloseable {
  static final List<String> COLUMNS =
      List.of("id", "label", "body", "amount", "qty", "flag", "happened", "day", "payload");
  final RetailDatabase source;
  final RetailDatabase target;
  private long cursor;

  RoundTrip(TestDialect from, TestDialect to) throws SQLException {
    this.source = new RetailDatabase(from);
    this.target = new RetailDatabase(to);
    for (RetailDatabase db : List.of(source, target)) {
      boolean pg = db.db.dialect() == TestDialect.POSTGRESQL;
      db.exec(
          "CREATE TABLE kinds (id BIGINT PRIMARY KEY, label VARCHAR(200), body "
              + (pg ? "TEXT" : "LONGTEXT")
              + ", amount NUMERIC(30,10), qty INTEGER, flag BOOLEAN,"
              + " happened "
              + (pg ? "TIMESTAMP(6)" : "DATETIME(6)")
              + ", day DATE, payload "
              + (pg ? "BYTEA" : "LONGBLOB")
              + ")"
              + (pg ? "" : " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"));
    }
    try (Connection c = source.connect()) {
      new CaptureInstaller(source.dialect).install(c, List.of("kinds"), false);
    }
  }

  /** Inserts rows at the source, bound as parameters (so the source holds exactly these values). */
  void insertAtSource(List<List<Object>> rows) throws SQLException {
    try (Connection c = source.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO kinds (id, label, body, amount, qty, flag, happened, day, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          s.setObject(i + 1, row.get(i));
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Moves every captured change to the target as chunk text; returns the text sent. */
  String sync() throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection c = source.connect()) {
      ChangeBatch batch =
          new ChangeReader(source.dialect, source.catalog(), 500)
              .read(c, cursor, 100_000, Set.of("kinds"), null);
      cursor = batch.nextSeq();
      SqlChunkWriter writer = SqlChunkWriter.forDialect(target.dialect.sqlDialect());
      for (ChunkStatement statement : batch.statements()) {
        writer.write(statement, text);
      }
    }
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      new ChunkApplier(target.dialect, target.catalog(), Set.of("kinds"))
          .apply(
              c,
              SqlChunkParser.forDialect(target.dialect.sqlDialect())
                  .open(new StringReader(text.toString())));
      c.commit();
    }
    return text.toString();
  }

  static List<List<SqlValue>> rows(RetailDatabase db) throws SQLException {
    TableMeta table = db.catalog().require("kinds");
    List<List<SqlValue>> rows = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT " + String.join(", ", COLUMNS) + " FROM kinds ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(RowFetcher.readRow(rs, table.columns()));
      }
    }
    return rows;
  }

  @Override
  public void close() {
    source.close();
    target.close();
  }
}
