package io.branchsync.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopConfigTest {

  @TempDir Path dir;

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put("branch", "3");
    values.put("db.url", "jdbc:postgresql://db.example/shop");
    return values;
  }

  private static ShopConfig with(String key, String value) {
    Map<String, String> values = minimal();
    values.put(key, value);
    return ShopConfig.fromMap(values);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    ShopConfig config = ShopConfig.fromMap(minimal());

    assertEquals("127.0.0.1", config.listenHost());
    assertEquals(8743, config.listenPort());
    assertEquals("retail", config.policySet());
    assertEquals(List.of("classpath:db/retail/{dialect}"), config.schemaLocations());
    assertFalse(config.httpPlain());
    assertFalse(config.cleanAllowPending());
    assertEquals(10_000_000L, config.idRangeSize());
    assertEquals(ShopLimits.defaults(), config.limits());
    assertEquals(
        new ShopLimits(16L << 20, 32L << 20, 2L << 30, 4, Duration.ofSeconds(20), 5000),
        config.limits());
    assertNull(config.tlsKeystore());
    assertEquals(2, config.dbPoolSize());
  }

  @Test
  void stagingDirOfOlderConfigurationFilesIsStillAccepted() {
    assertEquals(ShopLimits.defaults(), with("staging.dir", "staging").limits());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "branch | 0 | branch",
        "branch | three | branch",
        "listen | 127.0.0.1 | listen",
        "listen | 127.0.0.1:70000 | listen",
        "db.url | postgresql://x | db.url",
        "db.pool.size | 1 | db.pool.size",
        "limit.request.bytes | 0 | limit.request.bytes",
        "limit.request.bytes | 3GiB | limit.request.bytes",
        "limit.chunk.bytes | 12 MB | limit.chunk.bytes",
        "limit.session.bytes | -1 | limit.session.bytes",
        "limit.sessions | 0 | limit.sessions",
        "limit.session.idle.seconds | 0 | limit.session.idle.seconds",
        "diff.max.changes | 0 | diff.max.changes",
        "id.range.size | 0 | id.range.size",
        "http.plain | yes | http.plain",
        "clean.allow.pending | 1 | clean.allow.pending",
        "db.pasword | x | db.pasword",
      })
  void invalidValuesFailNamingTheKey(String key, String value, String named) {
    ShopConfigException e = assertThrows(ShopConfigException.class, () -> with(key, value));
    assertEquals(named, e.key());
    assertTrue(e.getMessage().startsWith(named + ":"), e.getMessage());
  }

  @Test
  void missingRequiredKeysAreNamed() {
    assertEquals(
        "branch",
        assertThrows(
                ShopConfigException.class, () -> ShopConfig.fromMap(Map.of("db.url", "jdbc:x:y")))
            .key());
    assertEquals(
        "db.url",
        assertThrows(ShopConfigException.class, () -> ShopConfig.fromMap(Map.of("branch", "1")))
            .key());
  }

  @Test
  void sizesTakeBinaryUnits() {
    assertEquals(3L << 10, with("limit.chunk.bytes", "3KiB").limits().chunkBytes());
    assertEquals(5L << 20, with("limit.chunk.bytes", "5MiB").limits().chunkBytes());
    assertEquals(2L << 30, with("limit.session.bytes", "2GiB").limits().sessionBytes());
    assertEquals(1234, with("limit.chunk.bytes", "1234").limits().chunkBytes());
  }

  @Test
  void listenTakesPortZeroAndIpv6() {
    assertEquals(0, with("listen", "127.0.0.1:0").listenPort());
    ShopConfig v6 = with("listen", "[::1]:9000");
    assertEquals("::1", v6.listenHost());
    assertEquals(9000, v6.listenPort());
  }

  @Test
  void secretsNeverAppearInToString() {
    Map<String, String> values = minimal();
    values.put("db.url", "jdbc:postgresql://db/shop?user=u&password=url-secret&ssl=true");
    values.put("db.password", "file-secret");
    ShopConfig config = ShopConfig.fromMap(values);
    ShopConfig userInfo = with("db.url", "jdbc:mysql://user:info-secret@db/shop");

    String text = config.toString() + userInfo.toString();

    assertFalse(text.contains("url-secret"), text);
    assertFalse(text.contains("file-secret"), text);
    assertFalse(text.contains("info-secret"), text);
    assertTrue(text.contains("<masked>"), text);
    assertTrue(text.contains("ssl=true"), "the rest of the URL stays readable: " + text);
  }

  @Test
  void passwordsComeFromTheFileTheirFilesOrTheEnvironment() throws Exception {
    Path dbPassword = Files.writeString(dir.resolve("db-pass"), "from-file\nignored\n");
    Path tlsPassword = Files.writeString(dir.resolve("tls-pass"), "tls-from-file\n");
    Path configFile = dir.resolve("shop.properties");
    Files.writeString(
        configFile,
        "branch=2\ndb.url=jdbc:mysql://h/db\n"
            + "db.password.file=db-pass\ntls.password.file=tls-pass\nsecret.file=secret\n");
    Map<String, String> env =
        Map.of(ShopConfig.ENV_DB_PASSWORD, "from-env", ShopConfig.ENV_TLS_PASSWORD, "tls-from-env");

    ShopConfig fromFiles = ShopConfig.load(configFile, env);
    Files.writeString(configFile, "branch=2\ndb.url=jdbc:mysql://h/db\n");
    ShopConfig fromEnv = ShopConfig.load(configFile, env);

    assertEquals("from-file", fromFiles.dbPassword());
    assertEquals("tls-from-file", fromFiles.tlsPassword());
    assertEquals(dir.resolve("secret"), fromFiles.secretFile(), "relative to the config file");
    assertEquals("from-env", fromEnv.dbPassword());
    assertEquals("tls-from-env", fromEnv.tlsPassword());
  }

  @Test
  void bothInlinePasswordAndPasswordFileIsAnError() {
    Map<String, String> values = minimal();
    values.put("db.password", "a");
    values.put("db.password.file", "b");
    assertEquals(
        "db.password.file",
        assertThrows(ShopConfigException.class, () -> ShopConfig.fromMap(values)).key());
  }

  @Test
  void servingNeedsASecretFileAndTlsOrPlainHttpExplicitly() {
    ShopConfigException noSecret =
        assertThrows(ShopConfigException.class, () -> with("http.plain", "true").requireServable());
    ShopConfigException noTls =
        assertThrows(ShopConfigException.class, () -> with("secret.file", "s").requireServable());

    assertEquals("secret.file", noSecret.key());
    assertEquals("tls.keystore", noTls.key());
    Map<String, String> plain = minimal();
    plain.put("secret.file", "s");
    plain.put("http.plain", "true");
    ShopConfig.fromMap(plain).requireServable();
  }

  @Test
  void everyKeyHasADescription() {
    for (ShopProperty property : ShopProperty.values()) {
      assertFalse(property.description().isBlank(), property.key());
      assertEquals(property, ShopProperty.forKey(property.key()).orElseThrow());
    }
  }
}
