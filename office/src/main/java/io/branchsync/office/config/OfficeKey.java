package io.branchsync.office.config;

/** Every office configuration key with its default and what it means. */
public enum OfficeKey {
  DB_URL("db.url", null, "JDBC URL of the office database"),
  DB_USER("db.user", "", "database user"),
  DB_PASSWORD(
      "db.password", "", "database password (or env BRANCHSYNC_DB_PASSWORD, or db.password.file)"),
  DB_PASSWORD_FILE("db.password.file", "", "file holding the database password"),
  DB_POOL_SIZE("db.pool.size", "8", "most office database connections"),
  SCHEMA_LOCATIONS(
      "schema.locations",
      "classpath:db/retail/{dialect}",
      "comma-separated Flyway locations of the application schema; {dialect} is postgresql or mysql"),
  SYNC_THREADS("sync.threads", "4", "branches synced at once"),
  CHUNK_BYTES("chunk.bytes", "4194304", "uncompressed SQL bytes per chunk sent to a shop"),
  CHUNK_GZIP_LEVEL(
      "chunk.gzip.level",
      "6",
      "gzip level of chunks: 1 fastest (fast links), 9 smallest (slow links)"),
  BATCH_CHANGES("batch.changes", "5000", "change-log rows per pushed session"),
  ROWS_PER_STATEMENT("rows.per.statement", "1000", "rows per multi-row statement in a chunk"),
  CONNECT_TIMEOUT_MS("client.connect.timeout.ms", "5000", "time to open a connection to a shop"),
  READ_TIMEOUT_MS(
      "client.read.timeout.ms", "300000", "longest silence from a shop while its reply is awaited"),
  CALL_TIMEOUT_MS(
      "client.call.timeout.ms",
      "600000",
      "longest time for one call, from connecting to the reply's last byte"),
  RETRIES("client.retries", "3", "retries after a network error (faults are never retried)"),
  RETRY_BACKOFF_MS(
      "client.retry.backoff.ms", "500", "first wait before a retry; doubles each time"),
  TRUSTSTORE(
      "tls.truststore", "", "PKCS12 truststore for shops' certificates (default: the JDK's)"),
  TRUSTSTORE_PASSWORD(
      "tls.truststore.password",
      "",
      "truststore password (or env BRANCHSYNC_TLS_TRUSTSTORE_PASSWORD)"),
  RANGE_WARN_PERCENT("id.range.warn.percent", "80", "warn when a branch's ID range is this full");

  private final String key;
  private final String defaultValue;
  private final String description;

  OfficeKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  /** The default, or null when the key is required. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public boolean secret() {
    return this == DB_PASSWORD || this == TRUSTSTORE_PASSWORD;
  }
}
