package io.branchsync.office.sync;

import io.branchsync.office.client.ShopClientSettings;
import io.branchsync.office.config.OfficeConfig;
import io.branchsync.office.config.OfficeKey;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client settings from the office config, with the shops' certificates trusted from a truststore.
 */
final class TlsTrust {
  private TlsTrust() {}

  static ShopClientSettings settings(OfficeConfig config, Map<String, String> env) {
    return new ShopClientSettings(
        config.intValue(OfficeKey.CONNECT_TIMEOUT_MS),
        config.intValue(OfficeKey.READ_TIMEOUT_MS),
        config.intValue(OfficeKey.CALL_TIMEOUT_MS),
        config.intValue(OfficeKey.RETRIES),
        config.intValue(OfficeKey.RETRY_BACKOFF_MS),
        tlsContext(config));
  }

  private static SSLContext tlsContext(OfficeConfig config) {
    String path = config.get(OfficeKey.TRUSTSTORE);
    if (path.isEmpty()) {
      return null;
    }
    char[] password = config.get(OfficeKey.TRUSTSTORE_PASSWORD).toCharArray();
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new SyncException(
          ErrorCode.BAD_POLICY,
          "office config "
              + OfficeKey.TRUSTSTORE.key()
              + ": cannot load "
              + path
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
