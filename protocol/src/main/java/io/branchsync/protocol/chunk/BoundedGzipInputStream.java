package io.branchsync.protocol.chunk;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Inflates a chunk while counting the inflated bytes, failing with {@link
 * FaultCode#CHUNK_TOO_LARGE} the moment the limit is passed. Corrupt gzip data fails with {@link
 * FaultCode#CHUNK_NOT_GZIP}; an {@link IOException} of the source itself stays an {@code
 * IOException}, since a disk error is not the sender's fault.
 */
final class BoundedGzipInputStream extends InputStream {

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final SourceGuard source;
  private final InputStream inflater;
  private final long maxInflatedBytes;
  private final byte[] single = new byte[1];
  private long inflatedBytes;

  private BoundedGzipInputStream(SourceGuard source, InputStream inflater, long maxInflatedBytes) {
    this.source = source;
    this.inflater = inflater;
    this.maxInflatedBytes = maxInflatedBytes;
  }

  /**
   * Opens a chunk, checking its gzip signature at once so that plain text is refused before any of
   * it is read as SQL.
   */
  static BoundedGzipInputStream open(InputStream chunk, long maxInflatedBytes) throws IOException {
    if (maxInflatedBytes < 0) {
      throw new IllegalArgumentException("maxDecompressedBytes must not be negative");
    }
    SourceGuard source = new SourceGuard(chunk);
    PushbackInputStream head = new PushbackInputStream(source, 2);
    byte[] magic = head.readNBytes(2);
    if (magic.length == 0) {
      return new BoundedGzipInputStream(source, null, maxInflatedBytes);
    }
    if (magic.length < 2
        || (magic[0] & 0xff) != GZIP_MAGIC_1
        || (magic[1] & 0xff) != GZIP_MAGIC_2) {
      throw new ProtocolException(
          FaultCode.CHUNK_NOT_GZIP, "chunk: does not start with the gzip signature 1f 8b");
    }
    head.unread(magic);
    try {
      // Concatenated members are read like gzip -d does; bytes after the last member that are
      // not another member are then an error rather than silently ignored.
      InputStream inflater =
          GzipCompressorInputStream.builder()
              .setInputStream(head)
              .setDecompressConcatenated(true)
              .get();
      return new BoundedGzipInputStream(source, inflater, maxInflatedBytes);
    } catch (IOException e) {
      throw source.translate(e);
    }
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (inflater == null) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    // Ask for at most one byte beyond the limit: enough to detect the excess, never to hold it.
    long remaining = maxInflatedBytes - inflatedBytes;
    int wanted = remaining >= length ? length : (int) remaining + 1;
    int n;
    try {
      n = inflater.read(buffer, offset, wanted);
    } catch (IOException e) {
      throw source.translate(e);
    }
    if (n > 0) {
      inflatedBytes += n;
      if (inflatedBytes > maxInflatedBytes) {
        throw new ProtocolException(
            FaultCode.CHUNK_TOO_LARGE,
            "chunk: inflates to more than " + maxInflatedBytes + " bytes");
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    // Closing the inflater releases its native zlib memory at once rather than at GC.
    try (source) {
      if (inflater != null) {
        inflater.close();
      }
    }
  }

  /** Remembers whether the source itself failed, to tell disk errors from corrupt data. */
  private static final class SourceGuard extends FilterInputStream {
    private boolean failed;

    SourceGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    /**
     * Returns {@code e} for the caller to rethrow when the source itself failed; otherwise the data
     * was at fault, and this throws {@link FaultCode#CHUNK_NOT_GZIP}.
     */
    IOException translate(IOException e) {
      if (failed) {
        return e;
      }
      throw new ProtocolException(
          FaultCode.CHUNK_NOT_GZIP, "chunk: corrupt or truncated gzip data (" + e + ")", e);
    }
  }
}
