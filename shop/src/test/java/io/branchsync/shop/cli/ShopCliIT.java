package io.branchsync.shop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.shop.SecretHasher;
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
  @EnumSource(TestDialect.class)
  void aShortSecretIsRefusedAndNothingIsWritten(TestDialect which) throws Exception {
    try (TestDatabase db = TestDatabases.create(which)) {
      Result secret = run("short\n", "set-secret", "-c", config(db).toString());

      assertEquals(1, secret.code);
      assertTrue(secret.err.contains("at least 16 characters"), secret.err);
      assertFalse(Files.exists(dir.resolve("secret")));
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
