package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static io.branchsync.protocol.message.WireAssertions.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchsync.protocol.FaultCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InfoResultTest {

  private static final InfoResult SHOP = new InfoResult(7, InfoResult.POSTGRESQL, 1, "3.2", 42);
  private static final Map<String, Object> WIRE = SHOP.toWire();

  @Test
  void toWireIsTheDocumentedStruct() {
    assertEquals(
        Map.of(
            "branch",
            7,
            "dialect",
            "postgresql",
            "protocol",
            1,
            "schema_version",
            "3.2",
            "pending",
            42),
        WIRE);
    assertEquals(
        List.of("branch", "dialect", "protocol", "schema_version", "pending"),
        List.copyOf(WIRE.keySet()));
  }

  @Test
  void roundTripsThroughTheWire() {
    assertEquals(SHOP, InfoResult.fromWire(WIRE));
    InfoResult mysql = new InfoResult(213, InfoResult.MYSQL, 1, "1", 0);
    assertEquals(mysql, InfoResult.fromWire(mysql.toWire()));
  }

  @Test
  void pendingBeyondIntSaturatesOnTheWire() {
    InfoResult busy = new InfoResult(1, InfoResult.MYSQL, 1, "1", 5_000_000_000L);
    assertEquals(Integer.MAX_VALUE, busy.toWire().get("pending"));
  }

  @Test
  void ignoresKeysALaterVersionMayAdd() {
    assertEquals(SHOP, InfoResult.fromWire(with(WIRE, "uptime", 12)));
  }

  @Test
  void rejectsAValueThatIsNotAStruct() {
    assertRejected(FaultCode.BAD_RESULT, "info", () -> InfoResult.fromWire("info"));
    assertRejected(FaultCode.BAD_RESULT, "info", () -> InfoResult.fromWire(null));
    assertRejected(FaultCode.BAD_RESULT, "info", () -> InfoResult.fromWire(new Object[] {1}));
  }

  @Test
  void reportsAnotherProtocolVersionAsAMismatchBeforeCheckingTheRest() {
    Map<String, Object> future = with(with(WIRE, "protocol", 2), "dialect", null);
    assertRejected(FaultCode.PROTOCOL_MISMATCH, "protocol", () -> InfoResult.fromWire(future));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("info.branch", with(WIRE, "branch", null)),
        Arguments.of("info.branch", with(WIRE, "branch", "7")),
        Arguments.of("info.branch", with(WIRE, "branch", 0)),
        Arguments.of("info.dialect", with(WIRE, "dialect", null)),
        Arguments.of("info.dialect", with(WIRE, "dialect", 1)),
        Arguments.of("info.dialect", with(WIRE, "dialect", "oracle")),
        Arguments.of("info.dialect", with(WIRE, "dialect", "PostgreSQL")),
        Arguments.of("info.protocol", with(WIRE, "protocol", null)),
        Arguments.of("info.protocol", with(WIRE, "protocol", "1")),
        Arguments.of("info.schema_version", with(WIRE, "schema_version", null)),
        Arguments.of("info.schema_version", with(WIRE, "schema_version", 3)),
        Arguments.of("info.schema_version", with(WIRE, "schema_version", " ")),
        Arguments.of("info.pending", with(WIRE, "pending", null)),
        Arguments.of("info.pending", with(WIRE, "pending", 42L)),
        Arguments.of("info.pending", with(WIRE, "pending", -1)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("malformed")
  void rejectsMalformedStructNamingTheField(String field, Map<String, Object> wire) {
    assertRejected(FaultCode.BAD_RESULT, field, () -> InfoResult.fromWire(wire));
  }

  @Test
  void constructorRefusesInvalidValuesNamingTheWireField() {
    assertInvalid("branch", () -> new InfoResult(0, "mysql", 1, "1", 0));
    assertInvalid("dialect", () -> new InfoResult(1, null, 1, "1", 0));
    assertInvalid("protocol", () -> new InfoResult(1, "mysql", 0, "1", 0));
    assertInvalid("schema_version", () -> new InfoResult(1, "mysql", 1, null, 0));
    assertInvalid("pending", () -> new InfoResult(1, "mysql", 1, "1", -1));
  }
}
