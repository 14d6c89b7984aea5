package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@code diff}: one batch of the shop's changes.
 *
 * <p>Wire shape: struct {@code data} (base64), {@code next} (string), {@code more} (boolean). The
 * {@code data} is a chunk as made by {@code io.branchsync.protocol.chunk.ChunkCodec}, possibly
 * empty; the XML-RPC library does the base64, this record holds raw bytes. The office stores {@code
 * next} only after applying {@code data}, and passes it back as the next {@code since}, which
 * acknowledges the batch; while {@code more} is true it calls again at once.
 *
 * <p>The array is held, not copied, because chunks may be megabytes and memory must stay flat;
 * callers must not modify it. Equality compares the bytes.
 *
 * @param data gzip of UTF-8 SQL text, or empty when there is nothing to send
 * @param next the opaque cursor to pass as {@code since} on the next call
 * @param more whether more changes are waiting after {@code next}
 */
public record DiffResult(byte[] data, String next, boolean more) {

  private static final String WHAT = "diff";

  /**
   * Checks every field. Messages start with the wire field name, so that {@code fromWire} can
   * report them as they are.
   *
   * @param data the chunk, empty when there is nothing
   * @param next the cursor for the next call
   * @param more whether more changes wait
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public DiffResult {
    if (data == null) {
      throw invalid("data", "must not be null; use an empty array when there is nothing");
    }
    if (next == null) {
      throw invalid("next", "must not be null");
    }
  }

  /**
   * The struct to return from the {@code diff} handler.
   *
   * @return an unmodifiable struct
   */
  public Map<String, Object> toWire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("data", data);
    wire.put("next", next);
    wire.put("more", more);
    return Collections.unmodifiableMap(wire);
  }

  /**
   * Reads the result of {@code diff} as received by the office.
   *
   * @param wire the value the XML-RPC client returned
   * @return the result
   * @throws io.branchsync.protocol.ProtocolException {@link FaultCode#BAD_RESULT} naming the bad
   *     field
   */
  public static DiffResult fromWire(Object wire) {
    WireFields fields = WireFields.struct(wire, WHAT, FaultCode.BAD_RESULT);
    byte[] data = fields.requireBytes("data");
    String next = fields.requireString("next");
    boolean more = fields.requireBoolean("more");
    return new DiffResult(data, next, more);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DiffResult that
        && more == that.more
        && next.equals(that.next)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(data), next, more);
  }

  /** Shows the size of {@code data}, not its bytes, so logs stay readable. */
  @Override
  public String toString() {
    return "DiffResult[data=" + data.length + " bytes, next=" + next + ", more=" + more + "]";
  }
}
