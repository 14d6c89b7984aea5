package io.branchsync.protocol.chunk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Streams SQL text into one chunk: UTF-8, gzip-compressed, written to a sink as it goes.
 *
 * <p>The office writes statements and asks {@link #uncompressedBytes()} after each one; once a
 * target size is reached it closes this encoder and starts the next chunk, so memory stays flat
 * whatever the table size. The receiver's size limit applies to the inflated text, which is why the
 * uncompressed size is the one counted. Close it in every case (try-with-resources): the compressor
 * holds native zlib memory, and only {@link #close()} writes the gzip trailer.
 *
 * <p>An encoder to which nothing was written produces zero bytes, the empty chunk of the contract.
 * Text containing an unpaired surrogate is refused with an {@link
 * java.nio.charset.MalformedInputException} rather than sent as {@code ?}. Not thread-safe.
 */
public final class ChunkEncoder extends Writer {

  private static final int BUFFER_BYTES = 8192;

  /** The gzip level used unless one is given: gzip's own default. */
  public static final int DEFAULT_LEVEL = 6;

  private final ByteArrayOutputStream memory;
  private final Writer text;
  private long uncompressedBytes;
  private boolean closed;

  private ChunkEncoder(OutputStream sink, ByteArrayOutputStream memory, int level) {
    this.memory = memory;
    this.text =
        new OutputStreamWriter(
            new LazyGzipStream(sink, level),
            StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * Creates an encoder writing the chunk to {@code sink}; closing the encoder closes the sink.
   *
   * @param sink where the gzip bytes go
   * @return a new encoder
   */
  public static ChunkEncoder to(OutputStream sink) {
    return new ChunkEncoder(Objects.requireNonNull(sink, "sink"), null, DEFAULT_LEVEL);
  }

  /**
   * Creates an encoder collecting the chunk in memory, for {@link #toByteArray()} after closing.
   *
   * @return a new encoder
   */
  public static ChunkEncoder inMemory() {
    return inMemory(DEFAULT_LEVEL);
  }

  /**
   * Creates an in-memory encoder compressing at a given level: 1 is fastest (for a fast link, where
   * compressing costs more time than it saves), 9 smallest (for a slow one).
   *
   * @param level the gzip level, 1 to 9
   * @return a new encoder
   * @throws IllegalArgumentException for a level outside 1 to 9
   */
  public static ChunkEncoder inMemory(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("gzip level must be 1 to 9, got " + level);
    }
    ByteArrayOutputStream memory = new ByteArrayOutputStream();
    return new ChunkEncoder(memory, memory, level);
  }

  /**
   * The UTF-8 bytes of text written so far, before compression: what the receiver will count
   * against its limit. Exact after every write, without flushing.
   *
   * @return the uncompressed size so far
   */
  public long uncompressedBytes() {
    return uncompressedBytes;
  }

  /**
   * The finished chunk of an {@linkplain #inMemory() in-memory} encoder.
   *
   * @return the gzip bytes, empty if no text was written
   * @throws IllegalStateException if the encoder is not in memory or not yet closed
   */
  public byte[] toByteArray() {
    if (memory == null) {
      throw new IllegalStateException("this encoder writes to a sink, not to memory");
    }
    if (!closed) {
      throw new IllegalStateException("close the encoder first; the gzip trailer is not written");
    }
    return memory.toByteArray();
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    text.write(buffer, offset, length);
    for (int i = offset; i < offset + length; i++) {
      uncompressedBytes += utf8Length(buffer[i]);
    }
  }

  @Override
  public void write(String string, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, string.length());
    text.write(string, offset, length);
    for (int i = offset; i < offset + length; i++) {
      uncompressedBytes += utf8Length(string.charAt(i));
    }
  }

  @Override
  public void write(int c) throws IOException {
    text.write(c);
    uncompressedBytes += utf8Length((char) c);
  }

  @Override
  public void flush() throws IOException {
    text.flush();
  }

  /** Writes the gzip trailer and closes the sink. Closing twice does nothing. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      text.close();
    }
  }

  /**
   * UTF-8 bytes of one UTF-16 unit. Each half of a surrogate pair counts 2, which sums to the 4
   * bytes of the pair; an unpaired half is refused by the encoder anyway.
   */
  private static int utf8Length(char c) {
    if (c < 0x80) {
      return 1;
    } else if (c < 0x800 || Character.isSurrogate(c)) {
      return 2;
    }
    return 3;
  }

  /**
   * Starts the gzip stream at the first byte, so that an encoder given no text writes nothing at
   * all: the empty chunk, rather than twenty bytes of gzip around nothing.
   */
  private static final class LazyGzipStream extends OutputStream {
    private final OutputStream sink;
    private final int level;
    private OutputStream gzip;

    LazyGzipStream(OutputStream sink, int level) {
      this.level = level;
      this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
      started().write(b);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      if (length > 0) {
        started().write(buffer, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      (gzip == null ? sink : gzip).flush();
    }

    @Override
    public void close() throws IOException {
      (gzip == null ? sink : gzip).close();
    }

    private OutputStream started() throws IOException {
      if (gzip == null) {
        GzipParameters parameters = new GzipParameters();
        // A fixed time makes equal text give equal bytes, which keeps re-sent chunks identical.
        parameters.setModificationTime(0);
        parameters.setBufferSize(BUFFER_BYTES);
        parameters.setCompressionLevel(level);
        gzip = new GzipCompressorOutputStream(sink, parameters);
      }
      return gzip;
    }
  }
}
