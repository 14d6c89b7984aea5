package io.branchsync.protocol.chunk;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChunkCodecTest {

  private static final long LIMIT = 64L * 1024 * 1024;

  private static String roundTrip(String sql) {
    return ChunkCodec.decodeToString(ChunkCodec.encode(sql), LIMIT);
  }

  private static void assertFault(FaultCode code, Executable call) {
    ProtocolException e = assertThrows(ProtocolException.class, call);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.detail().startsWith("chunk:"), e.detail());
  }

  @Test
  void roundTripsUnicodeEmojiQuotesAndBackslashes() {
    String sql =
        "INSERT INTO person (id, name, email) VALUES (1, 'Zoë O''Brien 😀👩‍👩‍👧', 'a\\b@c'),"
            + " (2, '日本語 — “quotes” \"double\" `back`', NULL)\n"
            + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name;\n-- ∑ ≠ ∞ \u0000 end\n";
    assertEquals(sql, roundTrip(sql));
  }

  @Test
  void roundTripsCopyBlockWithTabsAndEndMarker() {
    String sql =
        "COPY product (id, sku, description) FROM stdin;\n"
            + "1\tA-1\tline\\nbreak and tab\\t\n2\tB-2\t\\N\n\\.\n";
    assertEquals(sql, roundTrip(sql));
  }

  @Test
  void roundTripsLargeText() {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; sql.length() < 8_000_000; i++) {
      sql.append("INSERT INTO sale_item (id, sale_id, price) VALUES (")
          .append(i)
          .append(", ")
          .append(i * 31 % 977)
          .append(", '")
          .append(i % 13 == 0 ? "€ ünïcödé 🧾" : "plain")
          .append("') ON CONFLICT (id) DO UPDATE SET price = EXCLUDED.price;\n");
    }
    String text = sql.toString();
    byte[] chunk = ChunkCodec.encode(text);
    assertTrue(chunk.length < text.length() / 4, "compresses: " + chunk.length);
    assertEquals(text, ChunkCodec.decodeToString(chunk, LIMIT));
  }

  @Test
  void emptyChunkDecodesToEmptyText() throws IOException {
    assertEquals("", ChunkCodec.decodeToString(new byte[0], LIMIT));
    try (Reader reader = ChunkCodec.decode(new byte[0], 0)) {
      assertEquals(-1, reader.read());
    }
  }

  @Test
  void emptyTextEncodesToEmptyChunk() {
    assertArrayEquals(new byte[0], ChunkCodec.encode(""));
  }

  @Test
  void gzipOfNothingDecodesToEmptyText() {
    assertEquals("", ChunkCodec.decodeToString(Gzip.of(new byte[0]), 0));
  }

  @Test
  void sameTextGivesSameBytes() {
    assertArrayEquals(ChunkCodec.encode("DELETE FROM t;"), ChunkCodec.encode("DELETE FROM t;"));
  }

  @Test
  void rejectsPlainTextAsNotGzipBeforeReadingAnything() {
    byte[] sql = "INSERT INTO product VALUES (1);".getBytes(UTF_8);
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decode(sql, LIMIT));
  }

  @Test
  void rejectsTooShortOrForeignDataAsNotGzip() {
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decode(new byte[] {0x1f}, LIMIT));
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0};
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decode(zip, LIMIT));
  }

  @Test
  void rejectsGzipSignatureFollowedByGarbage() {
    byte[] fake = {0x1f, (byte) 0x8b, 'n', 'o', 't', ' ', 'g', 'z', 'i', 'p', '!', '!'};
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decodeToString(fake, LIMIT));
  }

  @Test
  void rejectsTruncatedGzip() {
    byte[] chunk = ChunkCodec.encode("DELETE FROM person WHERE id IN (1, 2, 3);\n".repeat(50));
    byte[] truncated = Arrays.copyOf(chunk, chunk.length - 6);
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decodeToString(truncated, LIMIT));
  }

  @Test
  void rejectsGzipWithWrongChecksum() {
    byte[] chunk = ChunkCodec.encode("DELETE FROM person WHERE id IN (1);\n");
    chunk[chunk.length - 8] ^= 0x01; // first byte of the CRC32 trailer
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decodeToString(chunk, LIMIT));
  }

  @Test
  void acceptsConcatenatedGzipMembersLikeGunzip() {
    byte[] both = Gzip.concat(ChunkCodec.encode("-- one\n"), ChunkCodec.encode("-- two\n"));
    assertEquals("-- one\n-- two\n", ChunkCodec.decodeToString(both, LIMIT));
  }

  @Test
  void rejectsGarbageAfterTheLastMemberInsteadOfIgnoringIt() {
    byte[] chunk = Gzip.concat(ChunkCodec.encode("-- one\n"), "DROP TABLE x;".getBytes(UTF_8));
    assertFault(FaultCode.CHUNK_NOT_GZIP, () -> ChunkCodec.decodeToString(chunk, LIMIT));
  }

  @Test
  void acceptsTextOfExactlyTheLimit() {
    String sql = "-- é\n".repeat(1000); // 6 bytes each
    assertEquals(sql, ChunkCodec.decodeToString(ChunkCodec.encode(sql), 6000));
  }

  @Test
  void rejectsTextOneByteOverTheLimit() {
    byte[] chunk = ChunkCodec.encode("-- é\n".repeat(1000));
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> ChunkCodec.decodeToString(chunk, 5999));
    assertEquals(FaultCode.CHUNK_TOO_LARGE, e.code());
    assertTrue(e.detail().contains("5999"), e.detail());
  }

  @Test
  void rejectsInflatedBytesThatAreNotUtf8() {
    byte[] latin1 = Gzip.of("INSERT INTO person VALUES (1, 'Zo\u00eb');".getBytes(ISO_8859_1));
    assertFault(FaultCode.CHUNK_NOT_UTF8, () -> ChunkCodec.decodeToString(latin1, LIMIT));
  }

  @Test
  void refusesToEncodeAnUnpairedSurrogate() {
    assertThrows(IllegalArgumentException.class, () -> ChunkCodec.encode("name '\uD83D'"));
    assertThrows(IllegalArgumentException.class, () -> ChunkCodec.encode("x\uDE00y"));
  }

  @Test
  void refusesNegativeLimit() {
    assertThrows(
        IllegalArgumentException.class, () -> ChunkCodec.decode(ChunkCodec.encode("x"), -1));
  }

  @Test
  void decodesAChunkFromAStream() throws IOException {
    byte[] chunk = ChunkCodec.encode("-- staged on disk\n");
    try (Reader reader = ChunkCodec.decode(new ByteArrayInputStream(chunk), LIMIT)) {
      char[] buffer = new char[100];
      int n = reader.read(buffer);
      assertEquals("-- staged on disk\n", new String(buffer, 0, n));
    }
  }

  @Test
  void failureOfTheSourceStreamStaysAnIoExceptionNotTheSendersFault() throws IOException {
    byte[] chunk = ChunkCodec.encode("-- x\n".repeat(10_000));
    IOException diskError = new IOException("disk read error");
    InputStream failing = new FailingAfter(chunk, 30, diskError);
    try (Reader reader = ChunkCodec.decode(failing, LIMIT)) {
      IOException e = assertThrows(IOException.class, () -> reader.read(new char[100_000]));
      assertSame(diskError, e);
    }
  }

  /** Serves the first bytes of a chunk, then fails as a broken disk would. */
  private static final class FailingAfter extends InputStream {
    private final ByteArrayInputStream good;
    private final IOException failure;

    FailingAfter(byte[] bytes, int goodBytes, IOException failure) {
      this.good = new ByteArrayInputStream(bytes, 0, goodBytes);
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      int b = good.read();
      if (b < 0) {
        throw failure;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = good.read(buffer, offset, length);
      if (n < 0) {
        throw failure;
      }
      return n;
    }
  }
}
