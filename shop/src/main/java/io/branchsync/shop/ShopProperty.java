package io.branchsync.shop;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every key of a shop's configuration file, with its default and a description, in one place (the
 * shape of pgjdbc's {@code PGProperty}). {@link ShopConfig} reads these; {@code shop --help} and
 * the operations documentation list them.
 *
 * <p>Sizes accept a plain number of bytes or a number with {@code KiB}, {@code MiB} or {@code GiB}.
 * Relative paths are resolved against the directory of the configuration file.
 */
public enum ShopProperty {
  /** The branch number, 1 or more. */
  BRANCH("branch", null, "The branch number of this shop, 1 or more (0 is the office). Required."),
  /** Address to listen on. */
  LISTEN(
      "listen",
      "127.0.0.1:8743",
      "host:port the XML-RPC server listens on; port 0 picks any free port."),
  /** JDBC URL of the shop's database. */
  DB_URL(
      "db.url", null, "JDBC URL of the shop's database (PostgreSQL or MySQL/MariaDB). Required."),
  /** Database user. */
  DB_USER("db.user", "", "Database user; empty when the URL carries it."),
  /** Database password, when kept in the file itself. */
  DB_PASSWORD(
      "db.password",
      null,
      "Database password. Prefer db.password.file or the environment variable"
          + " BRANCHSYNC_DB_PASSWORD."),
  /** File holding the database password. */
  DB_PASSWORD_FILE("db.password.file", null, "File whose first line is the database password."),
  /** Connections in the pool besides those of open sessions. */
  DB_POOL_SIZE(
      "db.pool.size",
      "2",
      "Database connections for info, diff and clean; each open insertion session holds one"
          + " more, so the pool has up to db.pool.size + limit.sessions."),
  /** Policy set name or file. */
  POLICY_SET("policy.set", "retail", "Name of a built-in policy set, or path of a .policy file."),
  /** Application schema migrations. */
  SCHEMA_LOCATIONS(
      "schema.locations",
      "classpath:db/retail/{dialect}",
      "Comma-separated Flyway locations of the application schema; {dialect} becomes"
          + " postgresql or mysql."),
  /** File holding the hash of the branch secret. */
  SECRET_FILE(
      "secret.file",
      null,
      "File holding the slow hash of the branch secret, written by 'shop set-secret'."
          + " Required to serve."),
  /** PKCS12 keystore for HTTPS. */
  TLS_KEYSTORE(
      "tls.keystore",
      null,
      "PKCS12 keystore with the shop's TLS key and certificate; when set the shop serves HTTPS."
          + " Its password comes from BRANCHSYNC_TLS_PASSWORD or tls.password.file."),
  /** File holding the keystore password. */
  TLS_PASSWORD_FILE(
      "tls.password.file", null, "File whose first line is the password of tls.keystore."),
  /** Allows serving plain HTTP. */
  HTTP_PLAIN(
      "http.plain",
      "false",
      "Serve plain HTTP when no tls.keystore is set. Credentials then cross the network"
          + " readable; only for a loopback address or a VPN."),
  /** No longer used: sessions apply their chunks as they arrive. */
  STAGING_DIR(
      "staging.dir",
      null,
      "Not used any more: insertion sessions apply chunks as they arrive instead of staging them"
          + " on disk. Still accepted, so that existing configuration files load."),
  /** Lets clean erase uncollected changes. */
  CLEAN_ALLOW_PENDING(
      "clean.allow.pending",
      "false",
      "Let 'clean' erase the shop even while it holds changes the office has not collected."),
  /** Size of a branch's ID range. */
  ID_RANGE_SIZE("id.range.size", "10000000", "Ids in the range setidstart gives this branch."),
  /** Time allowed for a request's headers. */
  HTTP_HEADER_TIMEOUT_SECONDS(
      "http.header.timeout.seconds",
      "10",
      "Seconds a client has from opening a connection (TLS handshake included) to sending its"
          + " request's complete headers; it is disconnected otherwise."),
  /** Longest silence of a client. */
  HTTP_IDLE_TIMEOUT_SECONDS(
      "http.idle.timeout.seconds",
      "30",
      "Seconds a connection may stay silent while a request arrives or between requests before"
          + " it is closed."),
  /** Connections per client address still waiting for their first request. */
  LIMIT_CONNECTIONS_PER_ADDRESS(
      "limit.connections.per.address",
      "16",
      "Connections one client address may hold open before their first request has arrived;"
          + " beyond it the oldest is closed."),
  /** Largest request body. */
  LIMIT_REQUEST_BYTES(
      "limit.request.bytes", "16MiB", "Largest HTTP request body accepted (HTTP 413 beyond)."),
  /** Largest inflated chunk. */
  LIMIT_CHUNK_BYTES("limit.chunk.bytes", "32MiB", "Largest SQL text one chunk may inflate to."),
  /** Largest session. */
  LIMIT_SESSION_BYTES(
      "limit.session.bytes", "2GiB", "Most gzip bytes one insertion session may receive."),
  /** Open sessions at once. */
  LIMIT_SESSIONS("limit.sessions", "4", "Most insertion sessions open at once."),
  /** Idle time before a session expires. */
  LIMIT_SESSION_IDLE_SECONDS(
      "limit.session.idle.seconds",
      "20",
      "Seconds an insertion session may stay without a call from the office before it is"
          + " rolled back."),
  /** Changes per diff batch. */
  DIFF_MAX_CHANGES(
      "diff.max.changes",
      "5000",
      "Change-log rows one diff reply covers at most (a transaction is never split).");

  private final String key;
  private final String defaultValue;
  private final String description;

  ShopProperty(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /**
   * The key as written in the configuration file.
   *
   * @return for example {@code limit.sessions}
   */
  public String key() {
    return key;
  }

  /**
   * The value used when the key is absent.
   *
   * @return the default, or empty when the key has none (required or optional without default)
   */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * What the key means, for help texts and documentation.
   *
   * @return one or two sentences
   */
  public String description() {
    return description;
  }

  /**
   * Finds the property for a key.
   *
   * @param key a key as found in a configuration file
   * @return the property, or empty for an unknown key
   */
  public static Optional<ShopProperty> forKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }
}
