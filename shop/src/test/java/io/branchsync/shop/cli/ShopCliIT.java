package io.branchsync.shop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.SyncException;
import io.branchsync.shop.SecretHasher;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.internal.db.SchemaSetup;
import io.branchsync.shop.internal.db.ShopDatabase;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** The shop command line against real databases: init, set-secret, status. */
class ShopCliIT {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void initSetSecretAndStatusPrepareAndDescribeAShop(TestDialect which) throws Exception {
    try (TestDatabase db = TestDatabases.create(which)) {
      Path config = config(db);

      Result init = run(null, "init", "--config", config.toString());
      Result secret =
          run("a branch secret of some length\n", "set-secret", "-c", config.toString());
      Result status = run(null, "status", "-c", config.toString());

      assertEquals(0, init.code, init.err);
      assertTrue(init.out.contains("Branch 7 initialized: schema version 10"), init.out);
      assertEquals(0, secret.code, secret.err);
      Path secretFile = dir.resolve("secret");
      assertTrue(
          SecretHasher.verify(
              "a branch secret of some length".toCharArray(), Files.readString(secretFile)));
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
      assertEquals(0, status.code, status.err);
      assertTrue(status.out.contains("Branch:           7 (user branch-7)"), status.out);
      assertTrue(
          status.out.contains(which == TestDialect.POSTGRESQL ? "postgresql" : "mysql"),
          status.out);
      assertTrue(status.out.contains("Pending changes:  0"), status.out);
      assertTrue(status.out.contains("ID range:         not set"), status.out);
      assertFalse(status.out.contains(db.password().isEmpty() ? "\u0000" : db.password()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDialect.class, names = "MARIADB")
  void initUpgradesAShopWithoutKeyAllocatorsInPlaceAndServeRefusesUntilThen(TestDialect which)
      throws Exception {
    try (TestDatabase db = TestDatabases.create(which)) {
      Path config = config(db);
      assertEquals(0, run(null, "init", "--config", config.toString()).code);
      // branch 7 was given its range, sold, and then lost its allocator: an older installation
      // whose AUTO_INCREMENT jumped past a customer of branch 8
      exec(
          db,
          "INSERT INTO sync_setting (name, value) VALUES ('shop.id_range.first', '70000001'),"
              + " ('shop.id_range.last', '80000000')",
          "ALTER TABLE bs_key_person AUTO_INCREMENT = 70000001",
          "INSERT INTO person (name) VALUES ('own')",
          "DROP TRIGGER bs_person_bk",
          "DROP TABLE bs_key_person",
          "INSERT INTO person (id, name) VALUES (80000005, 'from branch 8')");

      SyncException refused = assertThrows(SyncException.class, () -> check(config));
      assertTrue(refused.getMessage().contains("run 'shop init'"), refused.getMessage());

      Result upgrade = run(null, "init", "--config", config.toString());
      assertEquals(0, upgrade.code, upgrade.err);
      check(config);
      exec(db, "INSERT INTO person (name) VALUES ('own after upgrade')");
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM person ORDER BY id")) {
        List<Long> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
        assertEquals(List.of(70_000_001L, 70_000_002L, 80_000_005L), ids);
      }
    }
  }

  private static void check(Path config) {
    ShopConfig loaded = ShopConfig.load(config);
    try (ShopDatabase database = ShopDatabase.open(loaded)) {
      new SchemaSetup(database, loaded.branch()).check();
    }
  }

  private static void exec(TestDatabase db, String... sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aShortSecretIsRefusedAndNothingIsWritten(TestDialect which) throws Exception {
    try (TestDatabase db = TestDatabases.create(which)) {
      Result secret = run("short\n", "set-secret", "-c", config(db).toString());

      assertEquals(1, secret.code);
      assertTrue(secret.err.contains("at least 16 characters"), secret.err);
      assertFalse(Files.exists(dir.resolve("secret")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void initWithAnotherBranchNumberIsRefusedUnlessAskedFor(TestDialect which) throws Exception {
    try (TestDatabase db = TestDatabases.create(which)) {
      Path config = config(db);
      assertEquals(0, run(null, "init", "--config", config.toString()).code);
      Files.writeString(config, Files.readString(config).replace("branch = 7", "branch = 8"));

      Result refused = run(null, "init", "--config", config.toString());

      assertEquals(1, refused.code);
      assertTrue(
          refused.err.contains("the database belongs to branch 7, the configuration says branch 8"),
          refused.err);
      assertTrue(refused.err.contains("--change-branch"), refused.err);
      // nothing changed: the database still says branch 7, which serve checks
      SyncException mismatch = assertThrows(SyncException.class, () -> check(config));
      assertTrue(mismatch.getMessage().contains("belongs to branch 7"), mismatch.getMessage());

      Result changed = run(null, "init", "--change-branch", "--config", config.toString());
      assertEquals(0, changed.code, changed.err);
      check(config);
    }
  }

  private Path config(TestDatabase db) throws Exception {
    Path file = dir.resolve("shop.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "branch = 7",
            "db.url = " + db.jdbcUrl(),
            "db.user = " + db.user(),
            "db.password = " + db.password(),
            "secret.file = secret",
            "staging.dir = staging",
            "http.plain = true",
            ""));
    return file;
  }

  private static Result run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = ShopMain.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    InputStream original = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      }
      int code = commandLine.execute(args);
      return new Result(code, out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  private record Result(int code, String out, String err) {}
}
