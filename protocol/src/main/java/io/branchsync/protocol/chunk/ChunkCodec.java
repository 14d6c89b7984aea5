package io.branchsync.protocol.chunk;

import io.branchsync.protocol.FaultCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;

/**
 * Encodes SQL text into chunks and decodes chunks back into text, within a size limit.
 *
 * <p>A chunk is the gzip of the UTF-8 bytes of SQL text, possibly of several concatenated gzip
 * members, or zero bytes for empty text. Base64 is the XML-RPC layer's job: it turns every {@code
 * byte[]} into {@code <base64>} and back, so the chunks handled here are raw bytes.
 *
 * <p>Decoding checks the gzip signature before reading anything and counts inflated bytes while
 * streaming, failing with {@link io.branchsync.protocol.ProtocolException}:
 *
 * <ul>
 *   <li>{@link FaultCode#CHUNK_NOT_GZIP} for data without the gzip signature, or corrupt or
 *       truncated gzip data;
 *   <li>{@link FaultCode#CHUNK_TOO_LARGE} as soon as the inflated text passes the limit, so a gzip
 *       bomb is never inflated into memory;
 *   <li>{@link FaultCode#CHUNK_NOT_UTF8} for inflated bytes that are not valid UTF-8.
 * </ul>
 *
 * <p>Readers returned here throw these from {@code read}, possibly after some text was already
 * delivered: callers must treat the chunk as rejected, not as applied in part.
 */
public final class ChunkCodec {

  private static final int COPY_BUFFER_CHARS = 8192;

  private ChunkCodec() {}

  /**
   * Encodes text into one chunk in memory. For large text, stream it through {@link ChunkEncoder}
   * instead.
   *
   * @param sql SQL text
   * @return the chunk; empty for empty text
   * @throws IllegalArgumentException if the text holds an unpaired surrogate, which UTF-8 cannot
   *     carry
   */
  public static byte[] encode(String sql) {
    Objects.requireNonNull(sql, "sql");
    ChunkEncoder encoder = ChunkEncoder.inMemory();
    try (encoder) {
      encoder.write(sql);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("sql: holds an unpaired surrogate, not valid UTF-16", e);
    } catch (IOException e) {
      // A memory sink does not fail; anything else is a bug worth seeing.
      throw new UncheckedIOException(e);
    }
    return encoder.toByteArray();
  }

  /**
   * Opens a chunk held in memory, as received from XML-RPC, for streaming its text.
   *
   * @param chunk the chunk bytes; empty means empty text
   * @param maxDecompressedBytes the most inflated bytes accepted
   * @return a reader of the text; close it to release the inflater at once
   * @throws io.branchsync.protocol.ProtocolException {@link FaultCode#CHUNK_NOT_GZIP} at once for
   *     data without the gzip signature; other faults while reading, as listed above
   */
  public static Reader decode(byte[] chunk, long maxDecompressedBytes) {
    Objects.requireNonNull(chunk, "chunk");
    try {
      return decode(new ByteArrayInputStream(chunk), maxDecompressedBytes);
    } catch (IOException e) {
      // Only the source can fail with a plain IOException, and a byte array does not.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a chunk read from a stream, such as a chunk staged in a file, for streaming its text. An
   * {@link IOException} of the stream itself stays an {@code IOException}: a disk error is not the
   * sender's fault.
   *
   * @param chunk the chunk bytes; an empty stream means empty text
   * @param maxDecompressedBytes the most inflated bytes accepted
   * @return a reader of the text; closing it closes {@code chunk}
   * @throws IOException if reading {@code chunk} fails
   * @throws io.branchsync.protocol.ProtocolException {@link FaultCode#CHUNK_NOT_GZIP} at once for
   *     data without the gzip signature; other faults while reading, as listed above
   */
  public static Reader decode(InputStream chunk, long maxDecompressedBytes) throws IOException {
    Objects.requireNonNull(chunk, "chunk");
    return new StrictUtf8Reader(BoundedGzipInputStream.open(chunk, maxDecompressedBytes));
  }

  /**
   * Decodes a whole chunk into a string. Memory use is bounded by the limit, not by the chunk.
   *
   * @param chunk the chunk bytes; empty means empty text
   * @param maxDecompressedBytes the most inflated bytes accepted
   * @return the text
   * @throws io.branchsync.protocol.ProtocolException as listed above
   */
  public static String decodeToString(byte[] chunk, long maxDecompressedBytes) {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[COPY_BUFFER_CHARS];
    try (Reader reader = decode(chunk, maxDecompressedBytes)) {
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
