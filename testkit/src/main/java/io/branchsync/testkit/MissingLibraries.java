package io.branchsync.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the shared libraries a downloaded server binary needs but this machine lacks, so that a
 * failed start can say which Debian package to install instead of showing a bare exit code.
 */
final class MissingLibraries {

  private static final Pattern NOT_FOUND =
      Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found", Pattern.MULTILINE);

  /** Libraries the embedded servers link against, with the Debian 12 package providing each. */
  private static final Map<String, String> DEBIAN_PACKAGES =
      Map.ofEntries(
          Map.entry("libaio.so.1", "libaio1"),
          Map.entry("libcap.so.2", "libcap2"),
          Map.entry("libcrypt.so.1", "libcrypt1"),
          Map.entry("libcrypto.so.3", "libssl3"),
          Map.entry("libgcrypt.so.20", "libgcrypt20"),
          Map.entry("libgpg-error.so.0", "libgpg-error0"),
          Map.entry("liblz4.so.1", "liblz4-1"),
          Map.entry("liblzma.so.5", "liblzma5"),
          Map.entry("libncurses.so.6", "libncurses6"),
          Map.entry("libssl.so.3", "libssl3"),
          Map.entry("libstdc++.so.6", "libstdc++6"),
          Map.entry("libsystemd.so.0", "libsystemd0"),
          Map.entry("libtinfo.so.6", "libtinfo6"),
          Map.entry("libzstd.so.1", "libzstd1"));

  private MissingLibraries() {}

  /**
   * The libraries {@code ldd} reports as not found for {@code binary}; empty if none are missing or
   * {@code ldd} cannot tell.
   */
  static List<String> of(Path binary) {
    try {
      Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
      String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ldd.waitFor(10, TimeUnit.SECONDS);
      return parseLdd(output);
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  static List<String> parseLdd(String output) {
    Matcher m = NOT_FOUND.matcher(output);
    return m.results().map(r -> r.group(1)).toList();
  }

  /** A sentence naming the missing libraries and the packages to install, for an error message. */
  static String advice(List<String> libraries) {
    StringBuilder text = new StringBuilder("missing shared libraries:");
    Set<String> packages = new LinkedHashSet<>();
    for (String library : libraries) {
      String pkg = DEBIAN_PACKAGES.get(library);
      text.append(' ').append(library).append(pkg == null ? "" : " (Debian package " + pkg + ")");
      if (pkg != null) {
        packages.add(pkg);
      }
    }
    if (!packages.isEmpty()) {
      text.append("; install with: apt-get install ").append(String.join(" ", packages));
    }
    return text.toString();
  }
}
