package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireAssertions.assertInvalid;
import static io.branchsync.protocol.message.WireAssertions.assertRejected;
import static io.branchsync.protocol.message.WireAssertions.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.chunk.ChunkCodec;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiffResultTest {

  private static final byte[] DATA = ChunkCodec.encode("DELETE FROM person WHERE id IN (5);\n");
  private static final DiffResult BATCH = new DiffResult(DATA, "c:42", true);
  private static final Map<String, Object> WIRE = BATCH.toWire();

  @Test
  void toWireCarriesRawBytesForTheXmlRpcLayerToBase64() {
    assertSame(DATA, WIRE.get("data"));
    assertEquals("c:42", WIRE.get("next"));
    assertEquals(Boolean.TRUE, WIRE.get("more"));
    assertEquals(3, WIRE.size());
  }

  @Test
  void roundTripsThroughTheWireComparingBytes() {
    DiffResult back = DiffResult.fromWire(with(WIRE, "data", DATA.clone()));
    assertEquals(BATCH, back);
    assertEquals(BATCH.hashCode(), back.hashCode());
    assertArrayEquals(DATA, back.data());
  }

  @Test
  void emptyBatchIsValid() {
    DiffResult nothing = new DiffResult(new byte[0], "c:42", false);
    assertEquals(nothing, DiffResult.fromWire(nothing.toWire()));
    assertEquals("", ChunkCodec.decodeToString(nothing.data(), 1024));
  }

  @Test
  void differentBytesOrFlagsAreNotEqual() {
    assertNotEquals(BATCH, new DiffResult(new byte[] {1}, "c:42", true));
    assertNotEquals(BATCH, new DiffResult(DATA, "c:42", false));
    assertNotEquals(BATCH, new DiffResult(DATA, "c:43", true));
  }

  @Test
  void toStringShowsSizeNotBytes() {
    assertTrue(BATCH.toString().contains(DATA.length + " bytes"));
    assertFalse(BATCH.toString().contains("[B@"));
  }

  @Test
  void rejectsAValueThatIsNotAStruct() {
    assertRejected(FaultCode.BAD_RESULT, "diff", () -> DiffResult.fromWire(DATA));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("diff.data", with(WIRE, "data", null)),
        Arguments.of("diff.data", with(WIRE, "data", "H4sI")),
        Arguments.of("diff.next", with(WIRE, "next", null)),
        Arguments.of("diff.next", with(WIRE, "next", 42)),
        Arguments.of("diff.more", with(WIRE, "more", null)),
        Arguments.of("diff.more", with(WIRE, "more", "true")),
        Arguments.of("diff.more", with(WIRE, "more", 1)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("malformed")
  void rejectsMalformedStructNamingTheField(String field, Map<String, Object> wire) {
    assertRejected(FaultCode.BAD_RESULT, field, () -> DiffResult.fromWire(wire));
  }

  @Test
  void constructorRefusesMissingDataOrCursor() {
    assertInvalid("data", () -> new DiffResult(null, "", false));
    assertInvalid("next", () -> new DiffResult(new byte[0], null, false));
  }
}
