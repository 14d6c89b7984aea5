package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.branchsync.protocol.FaultCode;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

  @Test
  void roundTripsThroughTheWire() {
    SessionToken token = SessionToken.random();
    assertEquals(token, SessionToken.fromWire(token.toWire()));
    assertEquals(36, token.toWire().length());
  }

  @Test
  void randomTokensDiffer() {
    assertNotEquals(SessionToken.random(), SessionToken.random());
  }

  @Test
  void shopRejectsBadArgumentNamingToken() {
    assertRejected(FaultCode.BAD_ARGUMENT, "sql_prepare.token", () -> SessionToken.fromWire(17));
    assertRejected(FaultCode.BAD_ARGUMENT, "sql_prepare.token", () -> SessionToken.fromWire(null));
    assertRejected(
        FaultCode.BAD_ARGUMENT, "sql_prepare.token", () -> SessionToken.fromWire("short"));
    assertRejected(
        FaultCode.BAD_ARGUMENT, "sql_prepare.token", () -> SessionToken.fromWire("x".repeat(65)));
    assertRejected(
        FaultCode.BAD_ARGUMENT,
        "sql_prepare.token",
        () -> SessionToken.fromWire("0123456789abcdef<script>"));
    assertRejected(
        FaultCode.BAD_ARGUMENT,
        "sql_prepare.token",
        () -> SessionToken.fromWire("0123456789abcdef\n"));
  }

  @Test
  void acceptsTheBoundsOfItsShape() {
    assertEquals(16, new SessionToken("A".repeat(16)).value().length());
    assertEquals(64, new SessionToken("a-_9".repeat(16)).value().length());
  }

  @Test
  void constructorRefusesWhatTheWireWould() {
    assertInvalid("token", () -> new SessionToken("é".repeat(20)));
    assertInvalid("token", () -> new SessionToken(""));
  }

  @Test
  void printsOnlyItsStart() {
    assertEquals("01234567…", new SessionToken("0123456789abcdefgh").toString());
  }
}
