package io.branchsync.office.sync;

import io.branchsync.office.client.ShopClient;
import io.branchsync.protocol.chunk.ChunkEncoder;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.SqlChunkWriter;
import java.io.IOException;

/**
 * Streams statements into gzip chunks of a bounded size and sends each with {@code sql_create} as
 * soon as it is full, so only one chunk is ever held in memory. Opens the session lazily: nothing
 * to send means no session at all.
 */
final class ChunkSender {
  private final ShopClient client;
  private final SqlChunkWriter writer;
  private final long chunkBytes;
  private ChunkEncoder encoder = ChunkEncoder.inMemory();
  private int sid;
  private long statements;
  private long rows;
  private long chunks;

  ChunkSender(ShopClient client, SqlChunkWriter writer, long chunkBytes) {
    this.client = client;
    this.writer = writer;
    this.chunkBytes = chunkBytes;
  }

  void add(ChunkStatement statement) {
    writer.write(statement, encoder);
    statements++;
    rows += statement.rowCount();
    if (encoder.uncompressedBytes() >= chunkBytes) {
      flush();
    }
  }

  long rowsQueued() {
    return rows;
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
    if (sid == 0) {
      sid = client.prepare();
    }
    client.create(sid, encoder.toByteArray());
    chunks++;
    encoder = ChunkEncoder.inMemory();
  }
}
