package io.branchsync.protocol.chunk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChunkCodecPropertyTest {

  private static final long LIMIT = 64L * 1024 * 1024;

  @Property
  void decodeReversesEncode(@ForAll("sqlText") String sql) {
    assertEquals(sql, ChunkCodec.decodeToString(ChunkCodec.encode(sql), LIMIT));
  }

  @Property
  void encoderCountsExactlyTheUtf8Length(@ForAll("sqlText") String sql) throws IOException {
    try (ChunkEncoder encoder = ChunkEncoder.inMemory()) {
      encoder.write(sql);
      assertEquals(sql.getBytes(UTF_8).length, encoder.uncompressedBytes());
    }
  }

  @Property
  void limitIsExactInBytes(@ForAll("sqlText") String sql) {
    int bytes = sql.getBytes(UTF_8).length;
    byte[] chunk = ChunkCodec.encode(sql);
    assertEquals(sql, ChunkCodec.decodeToString(chunk, bytes));
    if (bytes > 0) {
      ProtocolException e =
          assertThrows(ProtocolException.class, () -> ChunkCodec.decodeToString(chunk, bytes - 1));
      assertEquals(FaultCode.CHUNK_TOO_LARGE, e.code());
    }
  }

  @Property(tries = 200)
  void chunksCutAtAnySizeReassembleToTheText(
      @ForAll @Size(max = 40) List<@From("sqlText") String> statements,
      @ForAll @IntRange(min = 1, max = 2000) int target)
      throws IOException {
    StringBuilder reassembled = new StringBuilder();
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    for (String statement : statements) {
      encoder.write(statement);
      if (encoder.uncompressedBytes() >= target) {
        reassembled.append(finish(encoder));
        encoder = ChunkEncoder.inMemory();
      }
    }
    reassembled.append(finish(encoder));
    assertEquals(String.join("", statements), reassembled.toString());
  }

  private static String finish(ChunkEncoder encoder) throws IOException {
    encoder.close();
    return ChunkCodec.decodeToString(encoder.toByteArray(), LIMIT);
  }

  /** Text weighted towards what SQL holds, with any valid code point mixed in. */
  @Provide
  Arbitrary<String> sqlText() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(
                2, Arbitraries.of((int) '\'', (int) '"', (int) '\\', (int) '\n', (int) '\t', 0)),
            Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
            Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoints
        .list()
        .ofMaxSize(300)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }
}
