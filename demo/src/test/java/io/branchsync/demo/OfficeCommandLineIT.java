package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.cli.OfficeCli;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The office as an operator drives it: the command line against a real shop. */
class OfficeCommandLineIT {

  private record Run(int exit, String out) {}

  private static Run office(Path config, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--config";
    all[args.length + 1] = config.toString();
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = OfficeCli.run(all);
      return new Run(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
    }
  }

  @ParameterizedTest(name = "office on {0}")
  @EnumSource(TestDialect.class)
  void initRegisterProvisionSyncStatusAndExitCodes(TestDialect dialect, @TempDir Path dir)
      throws Exception {
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL);
        TestDatabase officeDb = TestDatabases.create(dialect)) {
      ChainShop shop = chain.addShop(1, TestDialect.MARIADB);
      Path secret = dir.resolve("branch1.secret");
      Files.writeString(secret, shop.secret());
      Path config = dir.resolve("office.properties");
      Files.writeString(
          config,
          "db.url = "
              + officeDb.jdbcUrl()
              + "\ndb.user = "
              + officeDb.user()
              + "\ndb.password = "
              + officeDb.password()
              + "\nclient.retries = 0\n");

      assertEquals(0, office(config, "init").exit());
      try (Connection c = officeDb.connect()) {
        RetailActions.addProduct(c, "P-1", "Coffee", new BigDecimal("2.50"));
      }
      Run added =
          office(
              config,
              "branch",
              "add",
              "--id",
              "1",
              "--name",
              "Rua Augusta",
              "--url",
              shop.server().url().toString(),
              "--credentials",
              "file:" + secret);
      assertEquals(0, added.exit(), added.out());
      assertTrue(office(config, "branch", "list").out().contains("Rua Augusta"));
      Run provisioned = office(config, "provision", "1");
      assertEquals(0, provisioned.exit(), provisioned.out());
      assertTrue(provisioned.out().contains("branch 1 provisioned"), provisioned.out());
      try (Connection c = shop.connect()) {
        assertEquals(1, RetailActions.ids(c, "product").size());
        RetailActions.addPerson(c, "Dee", null);
      }
      Run synced = office(config, "sync", "--all");
      assertEquals(0, synced.exit(), synced.out());
      assertTrue(synced.out().contains("pulled 1"), synced.out());
      Run watched = office(config, "watch", "--interval", "1s", "--runs", "2");
      assertEquals(0, watched.exit(), watched.out());
      assertEquals(2, watched.out().split("branch 1 ", -1).length - 1, watched.out());
      Run status = office(config, "status", "--live");
      assertEquals(0, status.exit());
      assertTrue(status.out().contains("Rua Augusta"), status.out());

      shop.stop();
      Run down = office(config, "sync", "1");
      assertEquals(1, down.exit(), "a failed branch must fail the run: " + down.out());
      assertTrue(down.out().contains("FAILED"), down.out());
      assertEquals(2, office(config, "sync").exit(), "no branch named is a usage error");
      assertTrue(office(config, "conflicts").exit() == 0);
      assertEquals(0, office(config, "failed", "list").exit());
      assertEquals(1, office(config, "failed", "skip", "999").exit(), "no such failed row");
      assertEquals(1, office(config, "failed", "retry", "999").exit(), "no such failed row");
    }
  }
}
