package io.branchsync.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chunk of about a megabyte that inflates to a gibibyte of zeros must be stopped at the limit,
 * fast, and without inflating it into memory.
 */
class GzipBombTest {

  private static final long INFLATED_BYTES = 1L << 30;
  private static final long LIMIT = 16L * 1024 * 1024;

  private static byte[] bomb;

  /** Streams the zeros through the compressor; only the compressed megabyte is ever held. */
  @BeforeAll
  static void compressAGibibyteOfZeros() throws IOException {
    byte[] zeros = new byte[1 << 20];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out)) {
      for (long written = 0; written < INFLATED_BYTES; written += zeros.length) {
        gzip.write(zeros);
      }
    }
    bomb = out.toByteArray();
  }

  @Test
  void bombIsSmallOnTheWire() {
    assertTrue(bomb.length < 2 * 1024 * 1024, "compressed size " + bomb.length);
  }

  @Test
  void rejectsTheBombAsTooLargeQuickly() {
    ProtocolException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    ProtocolException.class, () -> ChunkCodec.decodeToString(bomb, LIMIT)));
    assertEquals(FaultCode.CHUNK_TOO_LARGE, e.code());
  }

  @Test
  void stopsAtTheLimitWithoutAllocatingWhatItInflates() throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(
        threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    // Warm up so that class loading is not counted as allocation by the decoder.
    ChunkCodec.decodeToString(ChunkCodec.encode("-- warm up\n"), LIMIT);
    long limit = 64L * 1024 * 1024;
    char[] buffer = new char[8192];

    long before = threads.getCurrentThreadAllocatedBytes();
    ProtocolException e = assertThrows(ProtocolException.class, () -> drain(bomb, limit, buffer));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertEquals(FaultCode.CHUNK_TOO_LARGE, e.code());
    // Inflating 64 MiB through an 8 KiB buffer costs a few small objects per read, not the text.
    assertTrue(allocated < limit / 16, "allocated " + allocated + " bytes");
  }

  private static void drain(byte[] chunk, long limit, char[] buffer) throws IOException {
    try (Reader reader = ChunkCodec.decode(chunk, limit)) {
      while (reader.read(buffer) >= 0) {
        // Reading is the point: the limit must trip on the way.
      }
    }
  }
}
