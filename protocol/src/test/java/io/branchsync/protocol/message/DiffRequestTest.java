package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffRequestTest {

  @Test
  void emptyCursorAsksFromTheBeginning() {
    DiffRequest first = DiffRequest.fromWire("");
    assertTrue(first.isFirst());
    assertEquals(DiffRequest.first(), first);
    assertEquals("", first.toWire());
  }

  @Test
  void cursorIsCarriedVerbatim() {
    String opaque = "txid:1234/gap:[1201,1203] ünïcödé";
    DiffRequest request = DiffRequest.fromWire(opaque);
    assertFalse(request.isFirst());
    assertEquals(opaque, request.toWire());
    assertEquals(request, DiffRequest.fromWire(request.toWire()));
  }

  @Test
  void rejectsAnythingButAStringNamingSince() {
    assertRejected(FaultCode.BAD_ARGUMENT, "diff.since", () -> DiffRequest.fromWire(null));
    assertRejected(FaultCode.BAD_ARGUMENT, "diff.since", () -> DiffRequest.fromWire(0));
    assertRejected(FaultCode.BAD_ARGUMENT, "diff.since", () -> DiffRequest.fromWire(Map.of()));
  }

  @Test
  void constructorRefusesNull() {
    assertInvalid("since", () -> new DiffRequest(null));
  }
}
