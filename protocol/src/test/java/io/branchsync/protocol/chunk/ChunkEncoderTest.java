package io.branchsync.protocol.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkEncoderTest {

  private static final long LIMIT = 64L * 1024 * 1024;

  @Test
  void countsUtf8BytesNotCharsAfterEveryWriteWithoutFlushing() throws IOException {
    try (ChunkEncoder encoder = ChunkEncoder.inMemory()) {
      encoder.write("a");
      assertEquals(1, encoder.uncompressedBytes());
      encoder.write("é");
      assertEquals(3, encoder.uncompressedBytes());
      encoder.write('€');
      assertEquals(6, encoder.uncompressedBytes());
      encoder.append("😀");
      assertEquals(10, encoder.uncompressedBytes());
      encoder.write("xx\u0000yy".toCharArray(), 2, 1);
      assertEquals(11, encoder.uncompressedBytes());
    }
  }

  @Test
  void surrogatePairSplitAcrossWritesIsEncodedWhole() throws IOException {
    String emoji = "🧾";
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    try (encoder) {
      encoder.write(emoji.charAt(0));
      encoder.write(emoji.charAt(1));
    }
    assertEquals(4, encoder.uncompressedBytes());
    assertEquals(emoji, ChunkCodec.decodeToString(encoder.toByteArray(), LIMIT));
  }

  @Test
  void refusesAnUnpairedSurrogateRatherThanSendingAQuestionMark() {
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    assertThrows(
        MalformedInputException.class,
        () -> {
          try (encoder) {
            encoder.write("'\uD83D'");
          }
        });
  }

  @Test
  void writesNothingAtAllForEmptyTextAndStillClosesTheSink() throws IOException {
    ClosingSink sink = new ClosingSink();
    ChunkEncoder.to(sink).close();
    assertEquals(0, sink.size());
    assertTrue(sink.closed);
  }

  @Test
  void streamsToASinkAndClosesIt() throws IOException {
    ClosingSink sink = new ClosingSink();
    try (ChunkEncoder encoder = ChunkEncoder.to(sink)) {
      encoder.write("DELETE FROM payment WHERE id IN (9);\n");
    }
    assertTrue(sink.closed);
    assertEquals(
        "DELETE FROM payment WHERE id IN (9);\n",
        ChunkCodec.decodeToString(sink.toByteArray(), LIMIT));
  }

  @Test
  void inMemoryChunkEqualsEncodeOfTheSameText() throws IOException {
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    try (encoder) {
      encoder.write("-- a\n");
      encoder.write("-- b\n");
    }
    assertArrayEquals(ChunkCodec.encode("-- a\n-- b\n"), encoder.toByteArray());
  }

  @Test
  void cutsChunksAtATargetSizeThatReassembleToTheText() throws IOException {
    long target = 16 * 1024;
    StringBuilder all = new StringBuilder();
    List<byte[]> chunks = new ArrayList<>();
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    for (int i = 0; i < 5_000; i++) {
      String statement = "DELETE FROM person WHERE id IN (" + i + "); -- ünï\n";
      all.append(statement);
      encoder.write(statement);
      if (encoder.uncompressedBytes() >= target) {
        encoder.close();
        chunks.add(encoder.toByteArray());
        encoder = ChunkEncoder.inMemory();
      }
    }
    encoder.close();
    chunks.add(encoder.toByteArray());

    StringBuilder reassembled = new StringBuilder();
    for (byte[] chunk : chunks) {
      String text = ChunkCodec.decodeToString(chunk, LIMIT);
      assertTrue(text.getBytes(UTF_8).length < target + 100, "chunk of " + text.length());
      reassembled.append(text);
    }
    assertTrue(chunks.size() > 5, "chunks: " + chunks.size());
    assertEquals(all.toString(), reassembled.toString());
  }

  @Test
  void toByteArrayNeedsAClosedInMemoryEncoder() throws IOException {
    ChunkEncoder open = ChunkEncoder.inMemory();
    open.write("x");
    assertThrows(IllegalStateException.class, open::toByteArray);
    open.close();
    ChunkEncoder toSink = ChunkEncoder.to(new ByteArrayOutputStream());
    toSink.close();
    assertThrows(IllegalStateException.class, toSink::toByteArray);
  }

  @Test
  void closingTwiceIsHarmlessAndWritingAfterCloseFails() throws IOException {
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    encoder.write("x");
    encoder.close();
    encoder.close();
    assertThrows(IOException.class, () -> encoder.write("y"));
    assertEquals("x", ChunkCodec.decodeToString(encoder.toByteArray(), LIMIT));
  }

  /** Remembers being closed, as a file or socket sink would. */
  private static final class ClosingSink extends ByteArrayOutputStream {
    private boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  @org.junit.jupiter.api.Test
  void fasterLevelsStillDecodeToTheSameTextAndBadLevelsAreRefused() throws Exception {
    String sql = "INSERT INTO \"t\" (\"id\") VALUES (1);\n".repeat(20_000);
    byte[] fast;
    byte[] small;
    try (ChunkEncoder encoder = ChunkEncoder.inMemory(1)) {
      encoder.write(sql);
      encoder.close();
      fast = encoder.toByteArray();
    }
    try (ChunkEncoder encoder = ChunkEncoder.inMemory(9)) {
      encoder.write(sql);
      encoder.close();
      small = encoder.toByteArray();
    }
    org.junit.jupiter.api.Assertions.assertEquals(sql, ChunkCodec.decodeToString(fast, 1L << 30));
    org.junit.jupiter.api.Assertions.assertEquals(sql, ChunkCodec.decodeToString(small, 1L << 30));
    org.junit.jupiter.api.Assertions.assertTrue(small.length <= fast.length);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ChunkEncoder.inMemory(0));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ChunkEncoder.inMemory(10));
  }
}
