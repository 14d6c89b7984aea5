package io.branchsync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultCodeTest {

  @Test
  void codesAreUnique() {
    Set<Integer> codes =
        Arrays.stream(FaultCode.values()).map(FaultCode::code).collect(Collectors.toSet());
    assertEquals(FaultCode.values().length, codes.size());
  }

  @ParameterizedTest
  @EnumSource(FaultCode.class)
  void codeRoundTripsThroughFromCode(FaultCode fault) {
    assertEquals(fault, FaultCode.fromCode(fault.code()));
    assertEquals(fault, FaultCode.lookup(fault.code()).orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(FaultCode.class)
  void codeLiesInOurRangeAndHasAnActionableMessage(FaultCode fault) {
    assertTrue(fault.code() >= 1000 && fault.code() <= 1999, fault + " " + fault.code());
    assertTrue(fault.defaultMessage().length() > 20, fault.name());
  }

  @Test
  void unknownCodeIsRejectedByFromCodeAndEmptyFromLookup() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultCode.fromCode(0));
    assertTrue(e.getMessage().contains("0"));
    assertTrue(FaultCode.lookup(999).isEmpty());
  }

  @Test
  void codesTheContractNamesArePresentWithStableNumbers() {
    assertEquals(1000, FaultCode.INTERNAL.code());
    assertEquals(1003, FaultCode.BAD_ARGUMENT.code());
    assertEquals(1100, FaultCode.UNKNOWN_SESSION.code());
    assertEquals(1201, FaultCode.CHUNK_TOO_LARGE.code());
    assertEquals(1300, FaultCode.SQL_SYNTAX.code());
    assertEquals(1402, FaultCode.BAD_CURSOR.code());
  }

  @Test
  void onlyTransientConditionsAreRetryable() {
    assertTrue(FaultCode.TOO_MANY_SESSIONS.retryable());
    assertTrue(FaultCode.SHUTTING_DOWN.retryable());
    assertFalse(FaultCode.SQL_SYNTAX.retryable());
    assertFalse(FaultCode.APPLY_FAILED.retryable());
    assertFalse(FaultCode.CHUNK_TOO_LARGE.retryable());
  }
}
