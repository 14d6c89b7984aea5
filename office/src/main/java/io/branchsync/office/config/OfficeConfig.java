package io.branchsync.office.config;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The office's configuration, read from a properties file and the environment, validated when built
 * and immutable afterwards. Passwords never show in {@link #toString()}.
 */
public final class OfficeConfig {
  private final Map<OfficeKey, String> values;

  private OfficeConfig(Map<OfficeKey, String> values) {
    this.values = values;
    requireUrl();
    for (OfficeKey key :
        List.of(
            OfficeKey.SYNC_THREADS,
            OfficeKey.CHUNK_BYTES,
            OfficeKey.BATCH_CHANGES,
            OfficeKey.ROWS_PER_STATEMENT,
            OfficeKey.DB_POOL_SIZE,
            OfficeKey.CONNECT_TIMEOUT_MS,
            OfficeKey.READ_TIMEOUT_MS,
            OfficeKey.CALL_TIMEOUT_MS)) {
      if (intValue(key) < 1) {
        throw bad(key, "must be at least 1");
      }
    }
    if (intValue(OfficeKey.ROWS_PER_STATEMENT) > 10_000) {
      throw bad(OfficeKey.ROWS_PER_STATEMENT, "must be at most 10000");
    }
    int level = intValue(OfficeKey.CHUNK_GZIP_LEVEL);
    if (level < 1 || level > 9) {
      throw bad(OfficeKey.CHUNK_GZIP_LEVEL, "must be 1 to 9");
    }
    for (OfficeKey key : List.of(OfficeKey.RETRIES, OfficeKey.RETRY_BACKOFF_MS)) {
      if (intValue(key) < 0) {
        throw bad(key, "cannot be negative");
      }
    }
    intValue(OfficeKey.RANGE_WARN_PERCENT);
  }

  /**
   * Reads a properties file; the database and truststore passwords may come from the environment.
   */
  public static OfficeConfig load(Path file, Map<String, String> env) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new SyncException(ErrorCode.BAD_POLICY, "cannot read office config " + file + ": " + e);
    }
    Map<String, String> map =
        properties.stringPropertyNames().stream()
            .collect(Collectors.toMap(k -> k, properties::getProperty));
    return of(map, env);
  }

  /** Builds a config from key/value pairs (tests, the embedded demo) plus the environment. */
  public static OfficeConfig of(Map<String, String> given, Map<String, String> env) {
    for (String key : given.keySet()) {
      if (Arrays.stream(OfficeKey.values()).noneMatch(k -> k.key().equals(key))) {
        throw new SyncException(ErrorCode.BAD_POLICY, "unknown office config key " + key);
      }
    }
    Map<OfficeKey, String> values = new EnumMap<>(OfficeKey.class);
    for (OfficeKey key : OfficeKey.values()) {
      String value = given.getOrDefault(key.key(), key.defaultValue());
      if (value != null) {
        values.put(key, value.trim());
      }
    }
    fromEnv(values, env, OfficeKey.DB_PASSWORD, "BRANCHSYNC_DB_PASSWORD");
    fromEnv(values, env, OfficeKey.TRUSTSTORE_PASSWORD, "BRANCHSYNC_TLS_TRUSTSTORE_PASSWORD");
    String passwordFile = values.get(OfficeKey.DB_PASSWORD_FILE);
    if (values.get(OfficeKey.DB_PASSWORD).isEmpty() && !passwordFile.isEmpty()) {
      values.put(OfficeKey.DB_PASSWORD, readSecret(OfficeKey.DB_PASSWORD_FILE, passwordFile));
    }
    return new OfficeConfig(values);
  }

  private static void fromEnv(
      Map<OfficeKey, String> values, Map<String, String> env, OfficeKey key, String variable) {
    String fromEnv = env.get(variable);
    if (values.get(key).isEmpty() && fromEnv != null) {
      values.put(key, fromEnv);
    }
  }

  static String readSecret(OfficeKey key, String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw bad(key, "cannot read " + path + ": " + e.getMessage());
    }
  }

  public String get(OfficeKey key) {
    return values.get(key);
  }

  public int intValue(OfficeKey key) {
    try {
      return Integer.parseInt(values.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, "must be a whole number, not " + values.get(key));
    }
  }

  public List<String> schemaLocations() {
    return Arrays.stream(get(OfficeKey.SCHEMA_LOCATIONS).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private void requireUrl() {
    String url = values.get(OfficeKey.DB_URL);
    if (url == null || !url.startsWith("jdbc:")) {
      throw bad(OfficeKey.DB_URL, "must be a JDBC URL (jdbc:postgresql://... or jdbc:mysql://...)");
    }
  }

  private static SyncException bad(OfficeKey key, String why) {
    return new SyncException(ErrorCode.BAD_POLICY, "office config " + key.key() + " " + why);
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(
            e ->
                e.getKey().key()
                    + "="
                    + (e.getKey().secret() && !e.getValue().isEmpty() ? "<masked>" : e.getValue()))
        .collect(Collectors.joining(", ", "OfficeConfig{", "}"));
  }
}
