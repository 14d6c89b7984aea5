package io.branchsync.shop.cli;

import io.branchsync.shop.ShopConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every subcommand takes. */
final class ConfigOption {

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "The shop's configuration file (properties; see 'shop config-keys').")
  Path file;

  /** Reads the file and the environment. */
  ShopConfig load() {
    return ShopConfig.load(file);
  }
}
