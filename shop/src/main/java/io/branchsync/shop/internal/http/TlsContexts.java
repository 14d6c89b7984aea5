package io.branchsync.shop.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the server's TLS context from a PKCS12 keystore holding its key and certificate. */
final class TlsContexts {

  private TlsContexts() {}

  /**
   * Loads the keystore.
   *
   * @param keystore a PKCS12 file
   * @param password its password, also used for the key
   * @return a context for an HTTPS server
   * @throws IllegalStateException naming the file, never the password, if it cannot be used
   */
  static SSLContext fromPkcs12(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "tls.keystore: cannot load "
              + keystore
              + " as PKCS12 with the given password: "
              + e.getMessage(),
          e);
    }
  }
}
