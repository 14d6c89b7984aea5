package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static io.branchsync.protocol.message.WireAssertions.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchsync.protocol.FaultCode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FinishResultTest {

  private static final Map<String, Object> WIRE = new FinishResult(12, 3400).toWire();

  @Test
  void toWireIsTheDocumentedStruct() {
    assertEquals(Map.of("statements", 12, "rows", 3400), WIRE);
  }

  @Test
  void roundTripsThroughTheWire() {
    assertEquals(new FinishResult(12, 3400), FinishResult.fromWire(WIRE));
    assertEquals(new FinishResult(0, 0), FinishResult.fromWire(new FinishResult(0, 0).toWire()));
  }

  @Test
  void rowsBeyondIntSaturateOnTheWire() {
    assertEquals(Integer.MAX_VALUE, new FinishResult(1, 3_000_000_000L).toWire().get("rows"));
  }

  @Test
  void rejectsAValueThatIsNotAStruct() {
    assertRejected(FaultCode.BAD_RESULT, "sql_finish", () -> FinishResult.fromWire(true));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("sql_finish.statements", with(WIRE, "statements", null)),
        Arguments.of("sql_finish.statements", with(WIRE, "statements", "12")),
        Arguments.of("sql_finish.statements", with(WIRE, "statements", -1)),
        Arguments.of("sql_finish.rows", with(WIRE, "rows", null)),
        Arguments.of("sql_finish.rows", with(WIRE, "rows", 3400.0)),
        Arguments.of("sql_finish.rows", with(WIRE, "rows", -5)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("malformed")
  void rejectsMalformedStructNamingTheField(String field, Map<String, Object> wire) {
    assertRejected(FaultCode.BAD_RESULT, field, () -> FinishResult.fromWire(wire));
  }

  @Test
  void constructorRefusesNegativeCounts() {
    assertInvalid("statements", () -> new FinishResult(-1, 0));
    assertInvalid("rows", () -> new FinishResult(0, -1));
  }
}
