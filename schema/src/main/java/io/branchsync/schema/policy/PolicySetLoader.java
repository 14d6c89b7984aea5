package io.branchsync.schema.policy;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads policy set files. The format is one {@code table = Policy} per line, {@code #} comments,
 * and the optional option line {@code @conflict = office-wins|branch-wins}. A set is named by its
 * file name without {@code .policy}; {@code retail} is built in.
 */
public final class PolicySetLoader {
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private PolicySetLoader() {}

  /** Loads a set by file path, or by the name of a built-in set ({@code retail}). */
  public static PolicySet load(String nameOrPath) {
    Path path = Path.of(nameOrPath);
    if (Files.isRegularFile(path)) {
      String file = path.getFileName().toString();
      String name = file.endsWith(".policy") ? file.substring(0, file.length() - 7) : file;
      try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        return parse(name, reader);
      } catch (IOException e) {
        throw new SyncException(ErrorCode.BAD_POLICY, "reading policy set " + path + ": " + e, e);
      }
    }
    InputStream builtIn =
        PolicySetLoader.class.getResourceAsStream("/policies/" + nameOrPath + ".policy");
    if (builtIn == null) {
      throw new SyncException(
          ErrorCode.BAD_POLICY,
          "no policy set file "
              + nameOrPath
              + " and no built-in set of that name (built in: retail)");
    }
    try (Reader reader = new InputStreamReader(builtIn, StandardCharsets.UTF_8)) {
      return parse(nameOrPath, reader);
    } catch (IOException e) {
      throw new SyncException(ErrorCode.BAD_POLICY, "reading built-in set " + nameOrPath, e);
    }
  }

  /** Parses a policy set file; every rule broken is reported with its line. */
  public static PolicySet parse(String name, Reader reader) throws IOException {
    Map<String, Policy> policies = new LinkedHashMap<>();
    ConflictRule rule = ConflictRule.OFFICE_WINS;
    BufferedReader lines = new BufferedReader(reader);
    String line;
    for (int number = 1; (line = lines.readLine()) != null; number++) {
      String text = line.replaceFirst("#.*", "").trim();
      if (text.isEmpty()) {
        continue;
      }
      int eq = text.indexOf('=');
      if (eq < 0) {
        throw bad(name, number, "expected 'table = Policy', got: " + text);
      }
      String key = text.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = text.substring(eq + 1).trim();
      if (key.equals("@conflict")) {
        final int at = number;
        rule =
            ConflictRule.fromFileName(value)
                .orElseThrow(
                    () ->
                        bad(
                            name,
                            at,
                            "unknown conflict rule "
                                + value
                                + " (use office-wins or branch-wins)"));
        continue;
      }
      if (!TABLE.matcher(key).matches()) {
        throw bad(name, number, "table name " + key + " is not a plain lower-case identifier");
      }
      if (policies.containsKey(key)) {
        throw bad(name, number, "table " + key + " is named twice");
      }
      policies.put(key, policyNamed(name, number, key, value));
    }
    if (policies.isEmpty()) {
      throw new SyncException(ErrorCode.BAD_POLICY, "policy set " + name + " names no table");
    }
    return new PolicySet(name, policies, rule);
  }

  private static Policy policyNamed(String set, int line, String table, String value) {
    for (Policy policy : Policy.values()) {
      if (policy.name().equalsIgnoreCase(value)) {
        return policy;
      }
    }
    throw bad(
        set,
        line,
        "table "
            + table
            + " has unknown policy "
            + value
            + " (use FromSource, FromTarget, Both or Initial)");
  }

  private static SyncException bad(String set, int line, String why) {
    return new SyncException(
        ErrorCode.BAD_POLICY, "policy set " + set + " line " + line + ": " + why);
  }
}
