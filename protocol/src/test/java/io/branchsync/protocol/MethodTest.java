package io.branchsync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MethodTest {

  @Test
  void wireNamesAreExactlyThoseOfTheContract() {
    assertEquals(
        List.of("info", "clean", "sql_prepare", "sql_create", "sql_finish", "setidstart", "diff"),
        Arrays.stream(Method.values()).map(Method::wireName).toList());
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void wireNameRoundTripsAndHasADescription(Method method) {
    assertEquals(method, Method.fromWireName(method.wireName()).orElseThrow());
    assertFalse(method.description().isBlank());
  }

  @Test
  void unknownOrDifferentlyCasedNamesAreNotMethods() {
    assertTrue(Method.fromWireName("INFO").isEmpty());
    assertTrue(Method.fromWireName("system.listMethods").isEmpty());
    assertTrue(Method.fromWireName(null).isEmpty());
  }
}
