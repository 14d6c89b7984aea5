package io.branchsync.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns raw key-value pairs and the environment into a {@link ShopConfig}: typed reading with
 * defaults, secrets from files or the environment, and relative paths resolved against a base
 * directory. Every failure names the key.
 */
final class ConfigReader {

  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(|B|KiB|MiB|GiB)");
  private static final Pattern LISTEN = Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,5})");

  private final Map<String, String> values;
  private final Map<String, String> environment;
  private final Path base;

  ConfigReader(Map<String, String> values, Map<String, String> environment, Path base) {
    this.values = Map.copyOf(values);
    this.environment = environment;
    this.base = base;
  }

  ShopConfig read() {
    rejectUnknownKeys();
    int branch = integer(ShopProperty.BRANCH);
    Matcher listen = LISTEN.matcher(require(ShopProperty.LISTEN));
    if (!listen.matches()) {
      throw new ShopConfigException(
          ShopProperty.LISTEN, "must be host:port, such as 127.0.0.1:8743 or [::1]:8743");
    }
    String host = listen.group(1).replace("[", "").replace("]", "");
    return new ShopConfig(
        branch,
        host,
        Integer.parseInt(listen.group(2)),
        require(ShopProperty.DB_URL),
        text(ShopProperty.DB_USER),
        dbPassword(),
        integer(ShopProperty.DB_POOL_SIZE),
        require(ShopProperty.POLICY_SET),
        locations(),
        secretPath(ShopProperty.SECRET_FILE),
        secretPath(ShopProperty.TLS_KEYSTORE),
        tlsPassword(),
        bool(ShopProperty.HTTP_PLAIN),
        bool(ShopProperty.CLEAN_ALLOW_PENDING),
        size(ShopProperty.ID_RANGE_SIZE),
        limits(),
        httpLimits());
  }

  private HttpLimits httpLimits() {
    return new HttpLimits(
        Duration.ofSeconds(integer(ShopProperty.HTTP_HEADER_TIMEOUT_SECONDS)),
        Duration.ofSeconds(integer(ShopProperty.HTTP_IDLE_TIMEOUT_SECONDS)),
        integer(ShopProperty.LIMIT_CONNECTIONS_PER_ADDRESS));
  }

  private ShopLimits limits() {
    return new ShopLimits(
        size(ShopProperty.LIMIT_REQUEST_BYTES),
        size(ShopProperty.LIMIT_CHUNK_BYTES),
        size(ShopProperty.LIMIT_SESSION_BYTES),
        integer(ShopProperty.LIMIT_SESSIONS),
        Duration.ofSeconds(integer(ShopProperty.LIMIT_SESSION_IDLE_SECONDS)),
        integer(ShopProperty.DIFF_MAX_CHANGES));
  }

  private void rejectUnknownKeys() {
    for (String key : values.keySet()) {
      if (ShopProperty.forKey(key).isEmpty()) {
        // a misspelt key would otherwise silently leave its default in force
        String known =
            Arrays.stream(ShopProperty.values())
                .map(ShopProperty::key)
                .collect(Collectors.joining(", "));
        throw new ShopConfigException(key, "is not a known key; known keys: " + known);
      }
    }
  }

  private String dbPassword() {
    String inline = values.get(ShopProperty.DB_PASSWORD.key());
    Path file = path(ShopProperty.DB_PASSWORD_FILE);
    if (inline != null && file != null) {
      throw new ShopConfigException(
          ShopProperty.DB_PASSWORD_FILE, "set either db.password or db.password.file, not both");
    }
    if (inline != null) {
      return inline;
    }
    if (file != null) {
      return firstLine(ShopProperty.DB_PASSWORD_FILE, file);
    }
    return environment.getOrDefault(ShopConfig.ENV_DB_PASSWORD, "");
  }

  private String tlsPassword() {
    Path file = path(ShopProperty.TLS_PASSWORD_FILE);
    if (file != null) {
      return firstLine(ShopProperty.TLS_PASSWORD_FILE, file);
    }
    return environment.getOrDefault(ShopConfig.ENV_TLS_PASSWORD, "");
  }

  private List<String> locations() {
    return Arrays.stream(require(ShopProperty.SCHEMA_LOCATIONS).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private String raw(ShopProperty property) {
    String value = values.get(property.key());
    if (value == null || value.isBlank()) {
      return property.defaultValue().orElse(null);
    }
    return value.trim();
  }

  private String require(ShopProperty property) {
    String value = raw(property);
    if (value == null) {
      throw new ShopConfigException(property, "is required; " + property.description());
    }
    return value;
  }

  private String text(ShopProperty property) {
    String value = raw(property);
    return value == null ? "" : value;
  }

  private int integer(ShopProperty property) {
    String value = require(property);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ShopConfigException(property, "must be a whole number, got '" + value + "'");
    }
  }

  private boolean bool(ShopProperty property) {
    String value = require(property).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new ShopConfigException(property, "must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private long size(ShopProperty property) {
    String value = require(property);
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw new ShopConfigException(
          property,
          "must be a number of bytes, optionally with KiB, MiB or GiB, got '" + value + "'");
    }
    int shift =
        switch (m.group(2)) {
          case "KiB" -> 10;
          case "MiB" -> 20;
          case "GiB" -> 30;
          default -> 0;
        };
    try {
      long number = Long.parseLong(m.group(1));
      if (number > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return number << shift;
    } catch (NumberFormatException e) {
      throw new ShopConfigException(property, "is too large: '" + value + "'");
    }
  }

  private Path path(ShopProperty property) {
    String value = raw(property);
    return value == null ? null : base.resolve(value).normalize();
  }

  /** A path to a file that holds a secret: others being able to read it earns a warning. */
  private Path secretPath(ShopProperty property) {
    Path file = path(property);
    if (file != null) {
      ReadableByOthers.warnIf(property, file);
    }
    return file;
  }

  private static String firstLine(ShopProperty property, Path file) {
    ReadableByOthers.warnIf(property, file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      return line == null ? "" : line;
    } catch (IOException e) {
      // the message names the file, never its content
      throw new ShopConfigException(property, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
