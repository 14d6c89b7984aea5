package io.branchsync.office.cli;

import io.branchsync.office.sync.Office;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code office watch --interval 5m}: sync every branch on a schedule until stopped. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Sync every branch on a schedule until stopped (Ctrl-C or SIGTERM).")
final class WatchCommand implements Callable<Integer> {
  @Mixin ConfigOption config;

  @Option(
      names = "--interval",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "time between runs: 30s, 5m, 1h (default: ${DEFAULT-VALUE})")
  Duration interval;

  @Option(
      names = "--runs",
      defaultValue = "0",
      description = "stop after this many runs (0: never)")
  int runs;

  @Override
  public Integer call() throws Exception {
    try (Office office = config.open()) {
      int last = 0;
      for (int run = 1; runs == 0 || run <= runs; run++) {
        last = SyncCommand.runOnce(office, true, List.of());
        if (runs != 0 && run == runs) {
          break;
        }
        Thread.sleep(interval.toMillis());
      }
      return last;
    }
  }

  /** Reads 30s, 5m, 2h. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      long amount = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new IllegalArgumentException("use a number and s, m or h: " + value);
      };
    }
  }
}
