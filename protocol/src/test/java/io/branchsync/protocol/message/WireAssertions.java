package io.branchsync.protocol.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Shared checks for wire records: rejection with a code and a named field, struct editing. */
final class WireAssertions {

  private WireAssertions() {}

  static ProtocolException assertRejected(FaultCode code, String field, Executable call) {
    ProtocolException e = assertThrows(ProtocolException.class, call);
    assertEquals(code, e.code(), e.detail());
    assertTrue(e.detail().contains(field), () -> "detail should name " + field + ": " + e.detail());
    return e;
  }

  static void assertInvalid(String field, Executable construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
    assertTrue(
        e.getMessage().startsWith(field + ":"),
        () -> "message should start with " + field + ": " + e.getMessage());
  }

  /** A mutable copy of {@code base} with {@code key} set to {@code value}, or removed if null. */
  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return copy;
  }
}
