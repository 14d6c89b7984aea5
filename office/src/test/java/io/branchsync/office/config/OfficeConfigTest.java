package io.branchsync.office.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeConfigTest {

  @Test
  void defaultsApplyAndThePasswordComesFromTheEnvironment() {
    OfficeConfig config =
        OfficeConfig.of(
            Map.of("db.url", "jdbc:postgresql://db/office"),
            Map.of("BRANCHSYNC_DB_PASSWORD", "s3cret"));
    assertEquals(4, config.intValue(OfficeKey.SYNC_THREADS));
    assertEquals(600_000, config.intValue(OfficeKey.CALL_TIMEOUT_MS));
    assertEquals("s3cret", config.get(OfficeKey.DB_PASSWORD));
    assertFalse(config.toString().contains("s3cret"), config.toString());
    assertTrue(config.toString().contains("db.password=<masked>"));
  }

  @Test
  void passwordFileIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pw");
    Files.writeString(file, "from-file\n");
    OfficeConfig config =
        OfficeConfig.of(
            Map.of("db.url", "jdbc:mysql://db/office", "db.password.file", file.toString()),
            Map.of());
    assertEquals("from-file", config.get(OfficeKey.DB_PASSWORD));
  }

  @Test
  void badValuesAreRejectedNamingTheKey() {
    assertTrue(message(Map.of()).contains("db.url"));
    assertTrue(message(Map.of("db.url", "postgres://x")).contains("db.url"));
    assertTrue(message(Map.of("db.url", "jdbc:x", "sync.threads", "0")).contains("sync.threads"));
    assertTrue(message(Map.of("db.url", "jdbc:x", "chunk.bytes", "lots")).contains("chunk.bytes"));
    assertTrue(
        message(Map.of("db.url", "jdbc:x", "rows.per.statement", "20000"))
            .contains("rows.per.statement"));
    assertTrue(message(Map.of("db.url", "jdbc:x", "no.such.key", "1")).contains("no.such.key"));
    assertTrue(
        message(Map.of("db.url", "jdbc:x", "chunk.gzip.level", "0")).contains("chunk.gzip.level"));
    assertTrue(
        message(Map.of("db.url", "jdbc:x", "client.call.timeout.ms", "0"))
            .contains("client.call.timeout.ms"));
    assertTrue(
        message(Map.of("db.url", "jdbc:x", "client.read.timeout.ms", "-1"))
            .contains("client.read.timeout.ms"));
    assertTrue(
        message(Map.of("db.url", "jdbc:x", "client.retries", "-1")).contains("client.retries"));
  }

  private static String message(Map<String, String> values) {
    return assertThrows(SyncException.class, () -> OfficeConfig.of(values, Map.of())).getMessage();
  }
}
