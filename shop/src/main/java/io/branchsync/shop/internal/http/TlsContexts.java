package io.branchsync.shop.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Builds the server's TLS setup from a PKCS12 keystore holding its key and certificate: TLS 1.3,
 * and TLS 1.2 with forward-secret AEAD suites only (no CBC, no SHA-1 MACs, no static RSA).
 */
final class TlsContexts {

  // TLS 1.3 suites, then TLS 1.2 ECDHE with GCM or ChaCha20-Poly1305; regular expressions
  private static final String[] SUITES = {
    "TLS_AES_.*",
    "TLS_CHACHA20_.*",
    "TLS_ECDHE_(ECDSA|RSA)_WITH_(AES_\\d+_GCM|CHACHA20_POLY1305)_.*"
  };

  private TlsContexts() {}

  /**
   * Loads the keystore.
   *
   * @param keystore a PKCS12 file
   * @param password its password, also used for the key
   * @return the TLS setup of an HTTPS connector
   * @throws IllegalStateException naming the file, never the password, if it cannot be used
   */
  static SslContextFactory.Server fromPkcs12(Path keystore, char[] password) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(load(keystore, password));
    tls.setKeyStorePassword(new String(password));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    tls.setIncludeCipherSuites(SUITES);
    // a renegotiation is a handshake the client can repeat at will: nothing of ours needs it
    tls.setRenegotiationAllowed(false);
    return tls;
  }

  private static KeyStore load(Path keystore, char[] password) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
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
