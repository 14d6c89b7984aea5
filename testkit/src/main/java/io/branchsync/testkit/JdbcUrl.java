package io.branchsync.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JDBC URL of the form {@code jdbc:<driver>://<hosts>/<database>?<k=v&...>}, immutable. Parameter
 * values are kept as written (URL-encoded); {@link #param(String)} decodes them.
 */
record JdbcUrl(String scheme, String hosts, String database, Map<String, String> params) {

  private static final String PASSWORD = "password";

  JdbcUrl {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * Parses {@code url}; {@code source} names where it came from, for the error message.
   *
   * @throws IllegalArgumentException if it has no {@code jdbc:<driver>://host} part
   */
  static JdbcUrl parse(String url, String source) {
    int slashes = url.indexOf("://");
    if (!url.startsWith("jdbc:") || slashes < 0) {
      throw new IllegalArgumentException(
          source
              + ": expected jdbc:<driver>://host[:port]/[database]"
              + "[?key=value&...], got "
              + masked(url));
    }
    String rest = url.substring(slashes + 3);
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    int slash = path.indexOf('/');
    String hosts = slash < 0 ? path : path.substring(0, slash);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException(source + ": no host in " + masked(url));
    }
    String database = slash < 0 ? "" : path.substring(slash + 1);
    Map<String, String> params = new LinkedHashMap<>();
    if (question >= 0) {
      for (String pair : rest.substring(question + 1).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
    }
    return new JdbcUrl(url.substring(0, slashes + 1), hosts, database, params);
  }

  JdbcUrl withScheme(String newScheme) {
    return new JdbcUrl(newScheme, hosts, database, params);
  }

  JdbcUrl withDatabase(String newDatabase) {
    return new JdbcUrl(scheme, hosts, newDatabase, params);
  }

  /** Sets {@code key}, replacing a value already there. */
  JdbcUrl with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put(key, value);
    return new JdbcUrl(scheme, hosts, database, copy);
  }

  /** Sets {@code key} only if the URL does not set it already. */
  JdbcUrl withDefault(String key, String value) {
    return params.containsKey(key) ? this : with(key, value);
  }

  JdbcUrl without(String... keys) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    for (String key : keys) {
      copy.remove(key);
    }
    return new JdbcUrl(scheme, hosts, database, copy);
  }

  /** The decoded value of {@code key}, if the URL sets it. */
  Optional<String> param(String key) {
    return Optional.ofNullable(params.get(key))
        .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8));
  }

  /** The URL with any password parameter replaced by {@code <masked>}, for messages and logs. */
  String masked() {
    return params.containsKey(PASSWORD) ? with(PASSWORD, "<masked>").toString() : toString();
  }

  @Override
  public String toString() {
    String query =
        params.entrySet().stream()
            .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    return scheme + "//" + hosts + "/" + database + (query.isEmpty() ? "" : "?" + query);
  }

  private static String masked(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1<masked>");
  }
}
