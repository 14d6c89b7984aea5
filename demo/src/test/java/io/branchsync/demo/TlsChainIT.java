package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.config.OfficeConfig;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.Office;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shop serving HTTPS with its own certificate; the office trusts it through a truststore. */
class TlsChainIT {

  private static void keytool(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "keytool failed: " + output);
  }

  @Test
  void syncRunsOverHttpsAndAnUntrustedCertificateIsRefused(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("shop.p12");
    Path truststore = dir.resolve("trust.p12");
    Path certificate = dir.resolve("shop.cer");
    Path passwordFile = dir.resolve("tls.password");
    Files.writeString(passwordFile, "keystore-pass");
    keytool(
        "-genkeypair",
        "-alias",
        "shop",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "keystore-pass",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2");
    keytool(
        "-exportcert",
        "-alias",
        "shop",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "keystore-pass",
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "shop",
        "-file",
        certificate.toString(),
        "-keystore",
        truststore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "trust-pass");

    try (LocalChain chain =
        LocalChain.start(
            TestDialect.POSTGRESQL,
            Map.of(
                "tls.truststore",
                truststore.toString(),
                "tls.truststore.password",
                "trust-pass",
                "client.retries",
                "0"))) {
      ChainShop shop =
          chain.addShop(
              1,
              TestDialect.MARIADB,
              Map.of(
                  "http.plain",
                  "false",
                  "tls.keystore",
                  keystore.toString(),
                  "tls.password.file",
                  passwordFile.toString()));
      assertEquals("https", shop.server().url().getScheme());
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
      }
      new Provisioner(chain.office()).provision(chain.office().branches().require(1), rows -> {});
      try (Connection c = shop.connect()) {
        assertEquals(1, RetailActions.ids(c, "product").size());
        RetailActions.addPerson(c, "Dee", null);
      }
      SyncOutcome trusted =
          new BranchSyncer(chain.office()).sync(chain.office().branches().require(1));
      assertTrue(trusted.ok(), trusted.toString());
      assertEquals(1, trusted.pulled());

      // An office that does not trust the shop's certificate gets nowhere.
      try (Office untrusting =
          Office.open(
              OfficeConfig.of(
                  Map.of(
                      "db.url",
                      chain.officeDatabase().jdbcUrl(),
                      "db.user",
                      chain.officeDatabase().user(),
                      "db.password",
                      chain.officeDatabase().password(),
                      "client.retries",
                      "3",
                      "client.retry.backoff.ms",
                      "2000"),
                  Map.of()),
              Map.of("BRANCHSYNC_BRANCH_1_SECRET", shop.secret()))) {
        long started = System.nanoTime();
        SyncOutcome refused = new BranchSyncer(untrusting).sync(untrusting.branches().require(1));
        // three retries with a 2 s backoff would take 14 s: a TLS refusal is not retried
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "TLS failure was retried");
        assertFalse(refused.ok());
        assertTrue(
            refused.error().contains("TLS failed") && refused.error().contains("tls.truststore"),
            refused.error());
      }
    }
  }
}
