/**
 * The chunk codec: SQL text travels as the gzip of its UTF-8 bytes.
 *
 * <p>A chunk is the {@code data} argument of {@code sql_create} and the {@code data} field of
 * {@code diff}. This package turns text into gzip bytes ({@link
 * io.branchsync.protocol.chunk.ChunkEncoder}, {@link
 * io.branchsync.protocol.chunk.ChunkCodec#encode(String)}) and back ({@link
 * io.branchsync.protocol.chunk.ChunkCodec#decode(byte[], long)}). Base64 is not done here: the
 * XML-RPC layer encodes every {@code byte[]} value as {@code <base64>} and decodes it back, so
 * chunks are raw gzip bytes in Java.
 *
 * <p>Decoding streams and counts the inflated bytes as it goes, so a small chunk that inflates to
 * gigabytes (a gzip bomb) is stopped at the receiver's limit without ever being held in memory. An
 * empty chunk is valid and holds empty text.
 */
package io.branchsync.protocol.chunk;
