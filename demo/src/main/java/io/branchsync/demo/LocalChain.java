package io.branchsync.demo;

import io.branchsync.office.config.OfficeConfig;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.Office;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.shop.SecretHasher;
import io.branchsync.shop.ShopInitializer;
import io.branchsync.testkit.TestDatabase;
import io.branchsync.testkit.TestDatabases;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A whole chain on this machine: an office database and shops, each shop on its own database with
 * its own XML-RPC server on loopback and its own secret. Databases come from the test kit
 * (environment URLs, Docker, or embedded binaries), so the same chain runs the demo and the
 * end-to-end tests. Closing it stops the servers, drops the databases and deletes its files.
 */
public final class LocalChain implements AutoCloseable {
  private final Path workDir;
  private final TestDatabase officeDatabase;
  private final Office office;
  // Shops may be added from several threads at once (the benchmark's fleet of fifty).
  private final List<ChainShop> shops = new CopyOnWriteArrayList<>();
  private final Map<String, String> officeEnv = new ConcurrentHashMap<>();

  private LocalChain(Path workDir, TestDialect officeDialect, Map<String, String> officeSettings) {
    this.workDir = workDir;
    this.officeDatabase = TestDatabases.create(officeDialect);
    Map<String, String> settings = new HashMap<>(officeSettings);
    settings.put("db.url", officeDatabase.jdbcUrl());
    settings.put("db.user", officeDatabase.user());
    settings.put("db.password", officeDatabase.password());
    this.office = Office.open(OfficeConfig.of(settings, Map.of()), officeEnv);
    office.initialize("retail");
  }

  /** An office on {@code officeDialect}; shops are added with {@link #addShop}. */
  public static LocalChain start(TestDialect officeDialect, Map<String, String> officeSettings) {
    Path dir;
    try {
      dir = Files.createTempDirectory("branchsync-chain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalChain(dir, officeDialect, officeSettings);
  }

  public static LocalChain start(TestDialect officeDialect) {
    return start(officeDialect, Map.of());
  }

  /** Creates a shop database, initializes it, starts its server and registers it at the office. */
  public ChainShop addShop(int branch, TestDialect dialect) {
    return addShop(branch, dialect, Map.of());
  }

  /** A shop with extra config keys (limits, diff page size) on top of the chain's defaults. */
  public ChainShop addShop(int branch, TestDialect dialect, Map<String, String> extraSettings) {
    String secret = randomSecret();
    Path secretFile = workDir.resolve("shop-" + branch + ".secret");
    writeOwnerOnly(secretFile, SecretHasher.hash(secret.toCharArray()));
    TestDatabase database = TestDatabases.create(dialect);
    ChainShop shop;
    try {
      Map<String, String> settings = new HashMap<>();
      settings.put("branch", Integer.toString(branch));
      settings.put("listen", "127.0.0.1:0");
      settings.put("db.url", database.jdbcUrl());
      settings.put("db.user", database.user());
      settings.put("db.password", database.password());
      settings.put("secret.file", secretFile.toString());
      settings.put("http.plain", "true");
      settings.putAll(extraSettings);
      shop = new ChainShop(branch, database, settings, secret);
      ShopInitializer.init(shop.config());
      shop.start();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    shops.add(shop);
    officeEnv.put(secretVariable(branch), secret);
    office
        .branches()
        .add(
            new Branch(
                branch,
                "shop-" + branch,
                url(shop),
                "env:" + secretVariable(branch),
                "retail",
                IdRange.forBranch(branch)));
    return shop;
  }

  /** The environment an office process of its own needs: each branch's secret, the DB password. */
  public Map<String, String> officeEnvironment() {
    Map<String, String> env = new HashMap<>(officeEnv);
    if (!officeDatabase.password().isEmpty()) {
      env.put("BRANCHSYNC_DB_PASSWORD", officeDatabase.password());
    }
    return env;
  }

  /** Writes a config file for an office process of its own; the password stays out of it. */
  public Path writeOfficeConfig(Map<String, String> extra) {
    Properties properties = new Properties();
    properties.setProperty("db.url", officeDatabase.jdbcUrl());
    properties.setProperty("db.user", officeDatabase.user());
    extra.forEach(properties::setProperty);
    Path file = workDir.resolve("office.properties");
    try (var out = Files.newBufferedWriter(file)) {
      properties.store(out, "written by a BranchSync local chain");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A private directory that lives as long as the chain. */
  public Path workDir() {
    return workDir;
  }

  public Branch branch(int id) {
    return office.branches().require(id);
  }

  private static String secretVariable(int branch) {
    return "BRANCHSYNC_BRANCH_" + branch + "_SECRET";
  }

  /** The shop's address changes when it restarts on another free port; tell the office. */
  public void reregister(ChainShop shop) {
    pointBranchAt(shop.branch(), url(shop));
  }

  /** Points the office's registry entry of a branch at another address (a proxy, a new port). */
  public void pointBranchAt(int branch, URI url) {
    try (var c = office.dataSource().getConnection();
        var s = c.prepareStatement("UPDATE sync_branch SET url = ? WHERE branch_id = ?")) {
      s.setString(1, url.toString());
      s.setInt(2, branch);
      s.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("re-pointing branch " + branch, e);
    }
  }

  private static URI url(ChainShop shop) {
    return shop.server().url();
  }

  public Office office() {
    return office;
  }

  public TestDatabase officeDatabase() {
    return officeDatabase;
  }

  public List<ChainShop> shops() {
    return List.copyOf(shops);
  }

  public ChainShop shop(int branch) {
    return shops.stream().filter(s -> s.branch() == branch).findFirst().orElseThrow();
  }

  private static String randomSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writeOwnerOnly(Path file, String text) {
    try {
      Files.writeString(file, text);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the temp directory is private to this user anyway
    }
  }

  @Override
  public void close() {
    for (ChainShop shop : shops) {
      try {
        shop.close();
      } catch (RuntimeException e) {
        // keep closing the rest
      }
    }
    try {
      office.close();
    } catch (Exception e) {
      // the database goes next anyway
    }
    officeDatabase.close();
    deleteTree(workDir);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it is a temp directory
    }
  }
}
