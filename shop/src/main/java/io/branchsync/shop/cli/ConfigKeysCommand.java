package io.branchsync.shop.cli;

import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.ShopProperty;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shop config-keys}: lists every configuration key with its default and meaning. */
@Command(
    name = "config-keys",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "List the keys of the configuration file, their defaults and meanings.")
final class ConfigKeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (ShopProperty property : ShopProperty.values()) {
      out.println(property.key() + property.defaultValue().map(d -> " = " + d).orElse(""));
      out.println("    " + property.description());
    }
    out.println();
    out.println(
        "Environment: "
            + ShopConfig.ENV_DB_PASSWORD
            + " (database password), "
            + ShopConfig.ENV_TLS_PASSWORD
            + " (keystore password).");
  }
}
