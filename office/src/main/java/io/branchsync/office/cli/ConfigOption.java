package io.branchsync.office.cli;

import io.branchsync.office.config.OfficeConfig;
import io.branchsync.office.sync.Office;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares, and opening the office from it. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      defaultValue = "office.properties",
      description =
          "office config file (default: ${DEFAULT-VALUE}); passwords may come from"
              + " BRANCHSYNC_DB_PASSWORD instead")
  Path file;

  Office open() {
    return Office.open(OfficeConfig.load(file, System.getenv()), System.getenv());
  }
}
