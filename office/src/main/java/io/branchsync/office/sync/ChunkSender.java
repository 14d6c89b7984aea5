package io.branchsync.office.sync;

import io.branchsync.office.client.ShopClient;
import io.branchsync.protocol.chunk.ChunkEncoder;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkWriter;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * Streams statements into gzip chunks of a bounded size and sends each with {@code sql_create} as
 * soon as it is full. Sending runs on a thread of its own with one chunk in flight, so reading and
 * compressing the next chunk overlaps the shop applying the last one; at most two chunks are ever
 * in memory. Opens the session lazily: nothing to send means no session at all.
 */
final class ChunkSender implements AutoCloseable {
  private final ShopClient client;
  private final SqlChunkWriter writer;
  private final long chunkBytes;
  private final int gzipLevel;
  private final ExecutorService sending;
  private ChunkEncoder encoder;
  private Future<?> inFlight;
  private int sid;
  private long statements;
  private long chunks;

  ChunkSender(ShopClient client, SqlChunkWriter writer, long chunkBytes, int gzipLevel) {
    this.client = client;
    this.writer = writer;
    this.chunkBytes = chunkBytes;
    this.gzipLevel = gzipLevel;
    this.encoder = ChunkEncoder.inMemory(gzipLevel);
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    this.sending =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t =
                  new Thread(
                      () -> {
                        if (logContext != null) {
                          MDC.setContextMap(logContext);
                        }
                        r.run();
                      },
                      "branchsync-chunk-sender");
              t.setDaemon(true);
              return t;
            });
  }

  void add(ChunkStatement statement) {
    writer.write(statement, encoder);
    statements++;
    if (encoder.uncompressedBytes() >= chunkBytes) {
      flush();
    }
  }

  long chunksSent() {
    return chunks;
  }

  /** Sends what is left and applies the session at the shop; null when nothing was added. */
  FinishResult finish() {
    if (statements == 0) {
      return null;
    }
    flush();
    awaitInFlight();
    return client.finish(sid);
  }

  private void flush() {
    if (encoder.uncompressedBytes() == 0) {
      return;
    }
    try {
      encoder.close();
    } catch (IOException e) {
      throw new SyncException(ErrorCode.INTERNAL, "compressing a chunk: " + e.getMessage(), e);
    }
    byte[] chunk = encoder.toByteArray();
    encoder = ChunkEncoder.inMemory(gzipLevel);
    // Chunks must reach the shop in order: the previous one is staged before the next goes.
    awaitInFlight();
    if (sid == 0) {
      sid = client.prepare();
    }
    int session = sid;
    inFlight = sending.submit(() -> client.create(session, chunk));
    chunks++;
  }

  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException(ErrorCode.SHOP_UNREACHABLE, "interrupted while sending a chunk", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new SyncException(ErrorCode.INTERNAL, "sending a chunk: " + e.getCause(), e);
    } finally {
      inFlight = null;
    }
  }

  @Override
  public void close() {
    sending.shutdownNow();
  }
}
