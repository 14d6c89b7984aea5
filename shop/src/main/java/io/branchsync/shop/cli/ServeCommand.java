package io.branchsync.shop.cli;

import io.branchsync.shop.ShopServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shop serve}: runs the XML-RPC server until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Serve the branch's database to the office until stopped (SIGTERM or Ctrl-C).",
      "Prints the URL it listens on. Run 'shop init' and 'shop set-secret' first."
    })
final class ServeCommand implements Runnable {

  @Mixin ConfigOption config;
  @Spec CommandSpec spec;

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public void run() {
    // an error that escapes a thread (out of memory, a stack overflow) goes to the log in its
    // format, with the branch, instead of bare to stderr
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> LOG.error("Uncaught failure in thread {}", thread.getName(), e));
    ShopServer server = ShopServer.start(config.load());
    spec.commandLine().getOut().println("Listening on " + server.url());
    spec.commandLine().getOut().flush();
    // the server's shutdown hook stops it; this thread only has to keep the process alive
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
  }
}
