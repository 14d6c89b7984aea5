package io.branchsync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RejectedRowTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "opening hours: mon",
        "7|A-1",
        "a&b=c%d",
        "line\nbreak",
        "rejected-row: [table=x&key=y]",
        "ünïcødé €",
        " padded ",
        "v1.",
        "]",
        ""
      })
  void anyKeyComesBackAsItWasSent(String key) {
    String text =
        new RejectedRow("parameter", key, null)
            .appendTo("APPLY_FAILED (1302): table parameter key " + key + ": value too long");

    assertEquals(Optional.of(new RejectedRow("parameter", key, null)), RejectedRow.in(text));
    assertEquals(
        "APPLY_FAILED (1302): table parameter key " + key + ": value too long",
        RejectedRow.withoutLine(text));
  }

  @Test
  void wordsAddedAfterTheLineStayWords() {
    String text =
        new RejectedRow("product", "v1.", null).appendTo("table product key v1.: boom")
            + ". The database rejected a row; fix it, then retry or skip it.";

    assertEquals(Optional.of(new RejectedRow("product", "v1.", null)), RejectedRow.in(text));
    assertEquals(
        "table product key v1.: boom. The database rejected a row; fix it, then retry"
            + " or skip it.",
        RejectedRow.withoutLine(text));
  }

  @Test
  void theOtherRowsKeyTravelsToo() {
    String text = new RejectedRow("product", "67", "1").appendTo("held by the row with key 1");

    assertEquals(Optional.of(new RejectedRow("product", "67", "1")), RejectedRow.in(text));
  }

  @Test
  void aTextWithoutTheLineNamesNoRow() {
    assertTrue(RejectedRow.in("APPLY_FAILED (1302): table product key 1: boom").isEmpty());
    assertTrue(RejectedRow.in(null).isEmpty());
    assertEquals("plain", RejectedRow.withoutLine("plain"));
  }

  @Test
  void aMalformedLineNamesNoRow() {
    assertTrue(RejectedRow.in("x\nrejected-row: [table=product]").isEmpty());
    assertTrue(RejectedRow.in("x\nrejected-row: [table=p&key=%zz]").isEmpty());
    assertTrue(RejectedRow.in("x\nrejected-row: [table=p&key=k").isEmpty());
  }
}
