package io.branchsync.shop.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiffCursorTest {

  @Test
  void emptyMeansTheBeginning() {
    assertEquals(0, DiffCursor.parse("").seq());
  }

  @Test
  void roundTrips() {
    assertEquals("c1:42", DiffCursor.parse("c1:42").toWire());
    assertEquals(123456789012345678L, DiffCursor.parse("c1:123456789012345678").seq());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "c1:",
        "c1:-1",
        "c1:+1",
        "c1:01",
        "c2:1",
        "C1:1",
        "c1:1 ",
        "c1:1234567890123456789",
        "c1:１"
      })
  void anythingElseIsABadCursor(String since) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> DiffCursor.parse(since));
    assertEquals(FaultCode.BAD_CURSOR, e.code());
  }
}
