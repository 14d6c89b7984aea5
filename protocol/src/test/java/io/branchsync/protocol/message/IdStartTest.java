package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchsync.protocol.FaultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdStartTest {

  @Test
  void acceptsInt() {
    assertEquals(10_000_001L, IdStart.fromWire(10_000_001).value());
  }

  @Test
  void acceptsLong() {
    assertEquals(3_000_000_001L, IdStart.fromWire(3_000_000_001L).value());
  }

  @Test
  void acceptsDecimalString() {
    assertEquals(10_000_001L, IdStart.fromWire("10000001").value());
    assertEquals(Long.MAX_VALUE, IdStart.fromWire(Long.toString(Long.MAX_VALUE)).value());
    assertEquals(7L, IdStart.fromWire("007").value());
  }

  @Test
  void toWireIsAnIntWhenItFitsAndAStringBeyond() {
    assertEquals(Integer.valueOf(10_000_001), new IdStart(10_000_001).toWire());
    assertEquals(Integer.valueOf(Integer.MAX_VALUE), new IdStart(Integer.MAX_VALUE).toWire());
    assertEquals("2147483648", new IdStart(2_147_483_648L).toWire());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 10_000_001, 2_147_483_647, 2_147_483_648L, Long.MAX_VALUE})
  void roundTripsThroughTheWire(long value) {
    assertEquals(new IdStart(value), IdStart.fromWire(new IdStart(value).toWire()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0",
        "-5",
        "+5",
        " 5",
        "5 ",
        "1e7",
        "0x10",
        "10_000",
        "12.0",
        "abc",
        "9223372036854775808",
        "99999999999999999999",
        "١٢٣"
      })
  void rejectsBadStringsNamingId(String text) {
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(text));
  }

  @Test
  void rejectsZeroAndNegativeNumbersNamingId() {
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(0));
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(-1));
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(Long.MIN_VALUE));
  }

  @Test
  void rejectsOtherTypesNamingId() {
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(null));
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(1.0));
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(true));
    assertRejected(FaultCode.BAD_ARGUMENT, "id", () -> IdStart.fromWire(new byte[] {1}));
  }

  @Test
  void constructorRefusesZero() {
    assertInvalid("id", () -> new IdStart(0));
  }
}
