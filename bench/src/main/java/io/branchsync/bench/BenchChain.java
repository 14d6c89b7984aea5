package io.branchsync.bench;

import io.branchsync.office.config.OfficeConfig;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.Office;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.shop.SecretHasher;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopInitializer;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An office and its shops on this machine for benchmarking: every database fresh from the test
 * kit (the servers of {@code BRANCHSYNC_TEST_PG_URL} and {@code BRANCHSYNC_TEST_MYSQL_URL}), every
 * shop serving XML-RPC on loopback. Unlike the demo's chain it hands out the branch secrets, so an
 * office command line started as a child process can reach the shops. Closing it stops the
 * servers, drops the databases and deletes its files.
 */
public final class BenchChain implements AutoCloseable {
  private final Path workDir;
  private final TestDatabase officeDatabase;
  private final Office office;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final List<BenchShop> shops = new ArrayList<>();

  private BenchChain(Path workDir, TestDatabase officeDatabase, Map<String, String> settings) {
    this.workDir = workDir;
    this.officeDatabase = officeDatabase;
    Map<String, String> all = new HashMap<>(settings);
    all.put("db.url", officeDatabase.jdbcUrl());
    all.put("db.user", officeDatabase.user());
    all.put("db.password", officeDatabase.password());
    this.office = Office.open(OfficeConfig.of(all, Map.of()), secrets);
  }

  /** An office database on {@code dialect}, migrated, with capture installed. */
  public static BenchChain start(TestDialect dialect, Path parentDir, Map<String, String> settings) {
    Path dir;
    try {
      dir = Files.createTempDirectory(parentDir, "chain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestDatabase database = TestDatabases.create(dialect);
    try {
      BenchChain chain = new BenchChain(dir, database, settings);
      chain.office.initialize("retail");
      return chain;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Creates, initializes and starts a shop, and registers it at the office. */
  public BenchShop addShop(int branch, TestDialect dialect, Map<String, String> extra) {
    String secret = randomSecret();
    Path secretFile = workDir.resolve("shop-" + branch + ".secret");
    write(secretFile, SecretHasher.hash(secret.toCharArray()));
    TestDatabase database = TestDatabases.create(dialect);
    BenchShop shop;
    try {
      Map<String, String> settings = new HashMap<>();
      settings.put("branch", Integer.toString(branch));
      settings.put("listen", "127.0.0.1:0");
      settings.put("db.url", database.jdbcUrl());
      settings.put("db.user", database.user());
      settings.put("db.password", database.password());
      settings.put("secret.file", secretFile.toString());
      settings.put("http.plain", "true");
      settings.put("staging.dir", workDir.resolve("staging-" + branch).toString());
      settings.putAll(extra);
      ShopConfig config = ShopConfig.fromMap(settings);
      ShopInitializer.init(config);
      shop = new BenchShop(branch, database, config);
      shop.start();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    synchronized (shops) {
      shops.add(shop);
    }
    secrets.put(secretVariable(branch), secret);
    office.branches().add(new Branch(branch, "shop-" + branch, shop.server().url(),
        "env:" + secretVariable(branch), "retail", IdRange.forBranch(branch)));
    return shop;
  }

  /** The environment an office process needs to reach every shop: one secret per branch. */
  public Map<String, String> officeEnvironment() {
    Map<String, String> env = new HashMap<>(secrets);
    if (!officeDatabase.password().isEmpty()) {
      env.put("BRANCHSYNC_DB_PASSWORD", officeDatabase.password());
    }
    return env;
  }

  /** Writes an office config file for a child office process; the password stays out of it. */
  public Path writeOfficeConfig(Map<String, String> extra) {
    Properties properties = new Properties();
    properties.setProperty("db.url", officeDatabase.jdbcUrl());
    properties.setProperty("db.user", officeDatabase.user());
    extra.forEach(properties::setProperty);
    Path file = workDir.resolve("office.properties");
    try (var out = Files.newBufferedWriter(file)) {
      properties.store(out, "written by the BranchSync benchmark");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public Office office() {
    return office;
  }

  public TestDatabase officeDatabase() {
    return officeDatabase;
  }

  public Path workDir() {
    return workDir;
  }

  public List<BenchShop> shops() {
    synchronized (shops) {
      return List.copyOf(shops);
    }
  }

  public Branch branch(int id) {
    return office.branches().require(id);
  }

  private static String secretVariable(int branch) {
    return "BRANCHSYNC_BRANCH_" + branch + "_SECRET";
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (BenchShop shop : shops()) {
      try {
        shop.close();
      } catch (RuntimeException e) {
        System.err.println("bench: stopping shop " + shop.branch() + ": " + e.getMessage());
      }
    }
    try {
      office.close();
    } catch (Exception e) {
      System.err.println("bench: closing the office: " + e.getMessage());
    }
    officeDatabase.close();
    TempFiles.deleteTree(workDir);
  }
}
