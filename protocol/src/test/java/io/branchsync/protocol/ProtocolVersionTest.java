package io.branchsync.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

  @Test
  void currentVersionIsOne() {
    assertEquals(1, ProtocolVersion.CURRENT);
    assertTrue(ProtocolVersion.isCompatible(1));
    assertDoesNotThrow(() -> ProtocolVersion.requireCompatible(1));
  }

  @Test
  void otherVersionIsAMismatchNamingBothVersions() {
    assertFalse(ProtocolVersion.isCompatible(2));
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> ProtocolVersion.requireCompatible(2));
    assertEquals(FaultCode.PROTOCOL_MISMATCH, e.code());
    assertTrue(e.detail().contains("2") && e.detail().contains("1"), e.detail());
  }
}
