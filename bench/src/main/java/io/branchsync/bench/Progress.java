package io.branchsync.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on standard error, each with the time since the run began. */
final class Progress {
  private static final long STARTED = System.nanoTime();
  private static final PrintStream OUT = System.err;

  private Progress() {}

  static void say(String format, Object... args) {
    double seconds = (System.nanoTime() - STARTED) / 1e9;
    OUT.printf(
        Locale.ROOT, "[bench %6.1f s] %s%n", seconds, String.format(Locale.ROOT, format, args));
  }
}
