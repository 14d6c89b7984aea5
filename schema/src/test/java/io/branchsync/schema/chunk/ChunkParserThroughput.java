package io.branchsync.schema.chunk;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and parses 200,000 product-like rows per dialect and prints rows per second. A measuring
 * tool, not a test: run it by hand, for example from the IDE, since timings on a shared build
 * machine prove nothing.
 */
public final class ChunkParserThroughput {

  private static final int ROWS = 200_000;
  private static final int ROWS_PER_STATEMENT = 1_000;

  private ChunkParserThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (int round = 0; round < 3; round++) {
      for (SqlDialect dialect : SqlDialect.values()) {
        measure(dialect, "upsert", upserts());
      }
      measure(SqlDialect.POSTGRESQL, "copy", copies());
    }
  }

  private static void measure(SqlDialect dialect, String kind, List<ChunkStatement> statements) {
    long start = System.nanoTime();
    StringBuilder chunk = new StringBuilder();
    SqlChunkWriter writer = SqlChunkWriter.forDialect(dialect);
    for (ChunkStatement statement : statements) {
      writer.write(statement, chunk);
    }
    long written = System.nanoTime();
    long rows = 0;
    ChunkReader reader =
        SqlChunkParser.forDialect(dialect).open(new StringReader(chunk.toString()));
    for (ChunkStatement s = reader.next(); s != null; s = reader.next()) {
      rows += s.rowCount();
    }
    long parsed = System.nanoTime();
    System.out.printf(
        "%-10s %-6s %,d rows, %,d MB of text: write %,.0f rows/s, parse %,.0f rows/s%n",
        dialect.wireName(),
        kind,
        rows,
        chunk.length() / 1_000_000,
        ROWS / ((written - start) / 1e9),
        rows / ((parsed - written) / 1e9));
  }

  private static List<ChunkStatement> upserts() {
    List<ChunkStatement> statements = new ArrayList<>();
    List<String> columns =
        List.of("id", "sku", "description", "price", "active", "updated_at", "photo");
    List<List<SqlValue>> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      rows.add(productRow(i));
      if (rows.size() == ROWS_PER_STATEMENT) {
        statements.add(new Upsert("product", columns, List.of("id"), rows));
        rows.clear();
      }
    }
    return statements;
  }

  private static List<ChunkStatement> copies() {
    List<ChunkStatement> statements = new ArrayList<>();
    List<String> columns =
        List.of("id", "sku", "description", "price", "active", "updated_at", "photo");
    List<List<SqlValue>> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      rows.add(productRow(i));
      if (rows.size() == ChunkStatement.MAX_ROWS) {
        statements.add(new CopyBlock("product", columns, rows));
        rows.clear();
      }
    }
    return statements;
  }

  private static List<SqlValue> productRow(int i) {
    return List.of(
        SqlValue.number(i),
        SqlValue.text("SKU-" + i),
        SqlValue.text("Product number " + i + ", the customer's favourite \\ 'best'"),
        SqlValue.number(new java.math.BigDecimal(i).movePointLeft(2)),
        SqlValue.bool(i % 2 == 0),
        SqlValue.text("2024-05-01 12:34:56.789+00"),
        i % 10 == 0 ? SqlValue.bytes(new byte[] {1, 2, 3}) : SqlValue.NULL);
  }
}
