package io.branchsync.shop.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.xmlrpc.client.XmlRpcClient;

/**
 * {@code shop serve} in a JVM of its own: for a heap that is the shop's alone, and for a shop that
 * can be killed (SIGKILL, no shutdown hook, no rollback by the shop itself).
 */
final class ShopProcess implements AutoCloseable {
  private static final String LISTENING = "Listening on ";
  private final Process process;
  private final URI url;

  private ShopProcess(Process process, URI url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts the shop and waits until it listens.
   *
   * @param config the shop's config file
   * @param log where its log goes
   * @param jvmOptions e.g. {@code -Xmx256m}
   */
  static ShopProcess start(Path config, Path log, String... jvmOptions) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.branchsync.shop.cli.ShopMain",
            "serve",
            "--config",
            config.toString()));
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith(LISTENING)) {
      process.destroyForcibly();
      throw new IllegalStateException("the shop did not start: " + line + "; see " + log);
    }
    return new ShopProcess(process, URI.create(line.substring(LISTENING.length()).trim()));
  }

  URI url() {
    return url;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  XmlRpcClient client() {
    return ShopFixture.client(url, ShopFixture.USER, ShopFixture.SECRET);
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Asks the shop to stop as a service manager would, and kills it if it does not. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
