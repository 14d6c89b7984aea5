package io.branchsync.shop.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String header(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUserAndPasswordWithColonsAndUtf8InThePassword() {
    BasicCredentials credentials = BasicCredentials.parse(header("branch-3:pä:ss")).orElseThrow();

    assertEquals("branch-3", credentials.user());
    assertArrayEquals("pä:ss".toCharArray(), credentials.password());
    assertFalse(credentials.toString().contains("pä"));
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertTrue(BasicCredentials.parse("basic " + header("a:b").substring(6)).isPresent());
  }

  @Test
  void absentOrMalformedHeadersGiveNothing() {
    assertTrue(BasicCredentials.parse(null).isEmpty());
    assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
    assertTrue(BasicCredentials.parse("Basic !!!").isEmpty());
    assertTrue(BasicCredentials.parse(header("no colon")).isEmpty());
    assertTrue(BasicCredentials.parse("Basic " + "A".repeat(5000)).isEmpty());
    byte[] notUtf8 = {'a', ':', (byte) 0xff};
    assertTrue(
        BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(notUtf8)).isEmpty());
  }

  @Test
  void clearOverwritesThePassword() {
    BasicCredentials credentials = BasicCredentials.parse(header("u:secret")).orElseThrow();
    credentials.clear();
    assertArrayEquals(new char[6], credentials.password());
  }
}
