package io.branchsync.office.sync;

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

class CredentialsTest {
  @Test
  void resolvesEnvironmentAndFileReferences(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("branch3.secret");
    Files.writeString(file, "from-file\n");
    Credentials credentials = new Credentials(Map.of("SHOP_SECRET", "from-env"));
    assertEquals("from-env", credentials.secret("env:SHOP_SECRET"));
    assertEquals("from-file", credentials.secret("file:" + file));
    assertEquals("env:BRANCHSYNC_BRANCH_7_SECRET", Credentials.defaultRef(7));
  }

  @Test
  void missingSecretsAreClearErrorsThatNeverShowASecret() {
    Credentials credentials = new Credentials(Map.of());
    assertTrue(
        assertThrows(SyncException.class, () -> credentials.secret("env:NOPE"))
            .getMessage()
            .contains("NOPE is not set"));
    String plain =
        assertThrows(SyncException.class, () -> credentials.secret("plain-secret")).getMessage();
    assertTrue(plain.contains("env:VARIABLE or file:PATH"), plain);
    assertFalse(plain.contains("plain-secret"), plain);
  }
}
