package io.branchsync.bench;

import io.branchsync.demo.ChainShop;
import io.branchsync.demo.LocalChain;
import io.branchsync.office.client.ShopClient;
import io.branchsync.office.config.OfficeKey;
import io.branchsync.office.sync.Office;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.protocol.chunk.ChunkEncoder;
import io.branchsync.schema.capture.RowFetcher;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.chunk.ChunkReader;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.CopyBlock;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.chunk.SqlChunkWriter;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.schema.policy.Policy;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where provisioning's time goes: the steps the office and the shop take, one after the other and
 * timed apart, with the office's own settings (chunk size, rows per statement, COPY for a
 * PostgreSQL shop). The sum is close to, not equal to, a provisioning run, which interleaves the
 * office's steps chunk by chunk.
 */
final class ProvisioningProfile {
  private final Map<String, Double> millis = new LinkedHashMap<>();

  /** Milliseconds per step, in the order they happen. */
  Map<String, Double> run(LocalChain chain, ChainShop shop, TestDialect dialect)
      throws SQLException {
    Office office = chain.office();
    SqlDialect shopDialect =
        dialect == TestDialect.POSTGRESQL ? SqlDialect.POSTGRESQL : SqlDialect.MYSQL;
    ShopClient client = office.client(chain.branch(shop.branch()));
    SchemaCatalog catalog = office.catalog();
    List<TableMeta> tables =
        catalog.parentsFirst(office.policySet("retail").tables(Policy::officeToShop)).stream()
            .map(catalog::require)
            .toList();
    int perStatement =
        shopDialect == SqlDialect.POSTGRESQL
            ? ChunkStatement.MAX_ROWS
            : office.config().intValue(OfficeKey.ROWS_PER_STATEMENT);
    long started = System.nanoTime();
    List<List<ChunkStatement>> statements = read(office, tables, shopDialect, perStatement);
    step("office: read the tables (JDBC, values to the chunk model)", started);
    started = System.nanoTime();
    SqlChunkWriter writer = SqlChunkWriter.forDialect(shopDialect);
    statements.forEach(part -> part.forEach(writer::toSql));
    step("office: write SQL text", started);
    started = System.nanoTime();
    List<byte[]> chunks =
        chunks(writer, statements, office.config().intValue(OfficeKey.CHUNK_BYTES));
    step("office: write SQL text and gzip it (gzip alone = this - the line above)", started);
    started = System.nanoTime();
    parseAll(chunks, shopDialect);
    step("shop: inflate and parse the chunks (part of sql_create below)", started);
    started = System.nanoTime();
    client.clean();
    step("shop: clean (delete the synced tables' rows)", started);
    started = System.nanoTime();
    int sid = client.prepare();
    chunks.forEach(chunk -> client.create(sid, chunk));
    step(
        "sql_create of " + chunks.size() + " chunks (XML-RPC, HTTP, inflate, parse, check, apply)",
        started);
    started = System.nanoTime();
    client.finish(sid);
    step("sql_finish (commit)", started);
    return millis;
  }

  private void step(String name, long startedNanos) {
    millis.put(name, ProvisioningBench.since(startedNanos) * 1000);
  }

  /** The statements TableStreamer would make, grouped per table. */
  private static List<List<ChunkStatement>> read(
      Office office, List<TableMeta> tables, SqlDialect shopDialect, int perStatement)
      throws SQLException {
    List<List<ChunkStatement>> all = new ArrayList<>();
    try (Connection c = office.dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (TableMeta table : tables) {
        List<ChunkStatement> statements = new ArrayList<>();
        String sql =
            "SELECT "
                + table.columns().stream()
                    .map(col -> office.dialect().quote(col.name()))
                    .collect(Collectors.joining(", "))
                + " FROM "
                + office.dialect().quote(table.name());
        try (Statement s = c.createStatement()) {
          office.dialect().streamResults(s);
          try (ResultSet rs = s.executeQuery(sql)) {
            List<List<SqlValue>> rows = new ArrayList<>();
            while (rs.next()) {
              rows.add(RowFetcher.readRow(rs, table.columns()));
              if (rows.size() == perStatement) {
                statements.add(statement(table, rows, shopDialect));
                rows = new ArrayList<>();
              }
            }
            if (!rows.isEmpty()) {
              statements.add(statement(table, rows, shopDialect));
            }
          }
        }
        all.add(statements);
      }
      c.commit();
    }
    return all;
  }

  private static ChunkStatement statement(
      TableMeta table, List<List<SqlValue>> rows, SqlDialect shopDialect) {
    return shopDialect == SqlDialect.POSTGRESQL
        ? new CopyBlock(table.name(), table.columnNames(), rows)
        : new Upsert(table.name(), table.columnNames(), table.primaryKey(), rows, 0);
  }

  private static List<byte[]> chunks(
      SqlChunkWriter writer, List<List<ChunkStatement>> statements, long chunkBytes) {
    List<byte[]> chunks = new ArrayList<>();
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    try {
      for (List<ChunkStatement> part : statements) {
        for (ChunkStatement statement : part) {
          writer.write(statement, encoder);
          if (encoder.uncompressedBytes() >= chunkBytes) {
            encoder.close();
            chunks.add(encoder.toByteArray());
            encoder = ChunkEncoder.inMemory();
          }
        }
      }
      encoder.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (encoder.uncompressedBytes() > 0) {
      chunks.add(encoder.toByteArray());
    }
    return chunks;
  }

  private static void parseAll(List<byte[]> chunks, SqlDialect dialect) {
    SqlChunkParser parser = SqlChunkParser.forDialect(dialect);
    for (byte[] chunk : chunks) {
      try (ChunkReader reader = parser.open(ChunkCodec.decode(chunk, Long.MAX_VALUE))) {
        while (reader.next() != null) {
          // parsing is the work measured
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
