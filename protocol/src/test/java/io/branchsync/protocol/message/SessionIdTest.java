package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchsync.protocol.FaultCode;
import org.junit.jupiter.api.Test;

class SessionIdTest {

  @Test
  void roundTripsThroughTheWire() {
    assertEquals(Integer.valueOf(17), new SessionId(17).toWire());
    assertEquals(new SessionId(17), SessionId.fromWire(17));
    assertEquals(new SessionId(17), SessionId.fromWireResult(17));
  }

  @Test
  void shopRejectsBadArgumentNamingSid() {
    assertRejected(FaultCode.BAD_ARGUMENT, "sid", () -> SessionId.fromWire(0));
    assertRejected(FaultCode.BAD_ARGUMENT, "sid", () -> SessionId.fromWire("17"));
    assertRejected(FaultCode.BAD_ARGUMENT, "sid", () -> SessionId.fromWire(null));
    assertRejected(FaultCode.BAD_ARGUMENT, "sid", () -> SessionId.fromWire(17L));
  }

  @Test
  void officeRejectsBadResultNamingSid() {
    assertRejected(FaultCode.BAD_RESULT, "sid", () -> SessionId.fromWireResult(-3));
    assertRejected(FaultCode.BAD_RESULT, "sid", () -> SessionId.fromWireResult(true));
  }

  @Test
  void constructorRefusesZero() {
    assertInvalid("sid", () -> new SessionId(0));
  }
}
