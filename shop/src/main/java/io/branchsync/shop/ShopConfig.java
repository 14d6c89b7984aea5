package io.branchsync.shop;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A shop's configuration: immutable, checked when built, secrets masked in {@link #toString()}.
 *
 * <p>Built from a properties file plus the environment ({@link #load(Path)}), or from a map for
 * tests and embedded use ({@link #fromMap(Map)}). The keys, defaults and meanings are those of
 * {@link ShopProperty}. Credentials never come from the command line: the database password is
 * {@code db.password}, the first line of {@code db.password.file}, or the environment variable
 * {@value #ENV_DB_PASSWORD}, in that order; the keystore password is the first line of {@code
 * tls.password.file} or {@value #ENV_TLS_PASSWORD}.
 *
 * @param branch the branch number, 1 or more
 * @param listenHost host name or address to listen on
 * @param listenPort port to listen on, 0 for any free port
 * @param dbUrl JDBC URL of the shop's database
 * @param dbUser database user, possibly empty
 * @param dbPassword database password, possibly empty; masked in {@code toString}
 * @param dbPoolSize pooled connections besides the one each open insertion session holds
 * @param policySet name of a built-in policy set or path of a policy file
 * @param schemaLocations Flyway locations of the application schema
 * @param secretFile file holding the branch secret's hash, or null when not serving
 * @param tlsKeystore PKCS12 keystore for HTTPS, or null for plain HTTP
 * @param tlsPassword keystore password, empty when none; masked in {@code toString}
 * @param httpPlain whether plain HTTP is allowed when no keystore is set
 * @param cleanAllowPending whether {@code clean} may erase uncollected changes
 * @param idRangeSize ids in the range {@code setidstart} assigns
 * @param limits bounds on requests, chunks and sessions
 * @param http bounds on how long clients may take and how many connections they may hold
 */
public record ShopConfig(
    int branch,
    String listenHost,
    int listenPort,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    String policySet,
    List<String> schemaLocations,
    Path secretFile,
    Path tlsKeystore,
    String tlsPassword,
    boolean httpPlain,
    boolean cleanAllowPending,
    long idRangeSize,
    ShopLimits limits,
    HttpLimits http) {

  /** Environment variable holding the database password. */
  public static final String ENV_DB_PASSWORD = "BRANCHSYNC_DB_PASSWORD";

  /** Environment variable holding the keystore password. */
  public static final String ENV_TLS_PASSWORD = "BRANCHSYNC_TLS_PASSWORD";

  private static final String MASK = "<masked>";

  /** Checks every value; the message of a failure names the key. */
  public ShopConfig {
    if (branch < 1) {
      throw new ShopConfigException(
          ShopProperty.BRANCH, "must be 1 or more (0 is the office), got " + branch);
    }
    if (listenHost == null || listenHost.isBlank()) {
      throw new ShopConfigException(ShopProperty.LISTEN, "host must not be empty");
    }
    if (listenPort < 0 || listenPort > 65535) {
      throw new ShopConfigException(
          ShopProperty.LISTEN, "port must be 0 to 65535, got " + listenPort);
    }
    if (dbUrl == null || !dbUrl.startsWith("jdbc:")) {
      throw new ShopConfigException(ShopProperty.DB_URL, "must be a JDBC URL starting with jdbc:");
    }
    dbUser = Objects.requireNonNullElse(dbUser, "");
    dbPassword = Objects.requireNonNullElse(dbPassword, "");
    if (dbPoolSize < 2) {
      // a diff and an info or clean at the same time; sessions hold connections on top
      throw new ShopConfigException(
          ShopProperty.DB_POOL_SIZE, "must be 2 or more, got " + dbPoolSize);
    }
    if (policySet == null || policySet.isBlank()) {
      throw new ShopConfigException(ShopProperty.POLICY_SET, "must not be empty");
    }
    schemaLocations = List.copyOf(schemaLocations);
    if (schemaLocations.isEmpty()) {
      throw new ShopConfigException(ShopProperty.SCHEMA_LOCATIONS, "must name a location");
    }
    tlsPassword = Objects.requireNonNullElse(tlsPassword, "");
    if (idRangeSize < 1) {
      throw new ShopConfigException(
          ShopProperty.ID_RANGE_SIZE, "must be 1 or more, got " + idRangeSize);
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(http, "http");
  }

  /**
   * Reads a configuration file and the environment.
   *
   * @param file a properties file (UTF-8); relative paths in it are resolved against its directory
   * @return the configuration
   * @throws ShopConfigException naming the first key at fault, or the file when it cannot be read
   */
  public static ShopConfig load(Path file) {
    return load(file, System.getenv());
  }

  /**
   * Reads a configuration file with the given environment; for tests.
   *
   * @param file a properties file (UTF-8)
   * @param environment the environment variables to consult
   * @return the configuration
   * @throws ShopConfigException naming the first key at fault
   */
  public static ShopConfig load(Path file, Map<String, String> environment) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ShopConfigException("config", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
    Path base = file.toAbsolutePath().getParent();
    return new ConfigReader(values, environment, base).read();
  }

  /**
   * Builds a configuration from key-value pairs alone, without the environment; for tests and the
   * embedded demo. Relative paths are resolved against the working directory.
   *
   * @param values keys of {@link ShopProperty} and their values
   * @return the configuration
   * @throws ShopConfigException naming the first key at fault
   */
  public static ShopConfig fromMap(Map<String, String> values) {
    return new ConfigReader(values, Map.of(), Path.of("").toAbsolutePath()).read();
  }

  /**
   * Fails unless this configuration can serve: a secret file is set, and a keystore is set or plain
   * HTTP is explicitly allowed.
   *
   * @throws ShopConfigException naming the key to set
   */
  public void requireServable() {
    if (secretFile == null) {
      throw new ShopConfigException(
          ShopProperty.SECRET_FILE, "must be set to serve; write it with 'shop set-secret'");
    }
    if (tlsKeystore == null && !httpPlain) {
      throw new ShopConfigException(
          ShopProperty.TLS_KEYSTORE,
          "is not set; set a PKCS12 keystore to serve HTTPS, or set http.plain=true to accept"
              + " credentials in clear text");
    }
  }

  /**
   * Whether the server speaks HTTPS.
   *
   * @return true when a keystore is set
   */
  public boolean tls() {
    return tlsKeystore != null;
  }

  /** Shows every value but the passwords, which read {@value #MASK}, also inside the JDBC URL. */
  @Override
  public String toString() {
    return "ShopConfig[branch="
        + branch
        + ", listen="
        + listenHost
        + ":"
        + listenPort
        + ", db.url="
        + maskUrl(dbUrl)
        + ", db.user="
        + dbUser
        + ", db.password="
        + (dbPassword.isEmpty() ? "" : MASK)
        + ", db.pool.size="
        + dbPoolSize
        + ", policy.set="
        + policySet
        + ", schema.locations="
        + schemaLocations
        + ", secret.file="
        + secretFile
        + ", tls.keystore="
        + tlsKeystore
        + ", tls.password="
        + (tlsPassword.isEmpty() ? "" : MASK)
        + ", http.plain="
        + httpPlain
        + ", clean.allow.pending="
        + cleanAllowPending
        + ", id.range.size="
        + idRangeSize
        + ", limits="
        + limits
        + ", http="
        + http
        + "]";
  }

  /**
   * Masks a password carried in the URL, as a parameter ({@code ?user=x&password=y}) or as user
   * information ({@code //user:password@host}).
   */
  static String maskUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1" + MASK)
        .replaceAll("//([^/@:]+):[^/@]*@", "//$1:" + MASK + "@");
  }
}
