package io.branchsync.shop.internal.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.rpc.XmlRpcCodec;
import io.branchsync.shop.internal.session.OfficeLease;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The listening HTTP or HTTPS server (the JDK's own), with a bounded pool of worker threads.
 * Stopping closes the listening socket at once and waits for the calls in progress.
 */
public final class HttpEndpoint {

  // Workers beyond the session limit, so info and diff are answered while sessions are busy.
  private static final int SPARE_WORKERS = 4;
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final RpcExchangeHandler handler;
  private final ExecutorService workers;
  private final URI url;

  private HttpEndpoint(
      HttpServer server, RpcExchangeHandler handler, ExecutorService workers, URI url) {
    this.server = server;
    this.handler = handler;
    this.workers = workers;
    this.url = url;
  }

  /**
   * Binds and starts serving.
   *
   * @param config the shop's configuration: address, TLS, limits
   * @param authenticator checks every request's credentials
   * @param codec reads calls and writes replies
   * @param timer runs delayed refusals
   * @param lease told when an authenticated request starts and ends
   * @return the running endpoint
   * @throws IOException if the address cannot be bound
   */
  public static HttpEndpoint start(
      ShopConfig config,
      BranchAuthenticator authenticator,
      XmlRpcCodec codec,
      ScheduledExecutorService timer,
      OfficeLease lease)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(config.listenHost(), config.listenPort());
    // The JDK server sends a reply's headers and body in two writes; with Nagle's algorithm on,
    // the body waits for the client's delayed ACK, about 40 ms per call. The JDK reads this
    // property once, when the first server is created in the JVM.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer server;
    if (config.tls()) {
      SSLContext tls =
          TlsContexts.fromPkcs12(config.tlsKeystore(), config.tlsPassword().toCharArray());
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new Configurator(tls));
      server = https;
    } else {
      server = HttpServer.create(address, 0);
    }
    ExecutorService workers =
        Executors.newFixedThreadPool(config.limits().sessions() + SPARE_WORKERS, named("shop-rpc"));
    server.setExecutor(workers);
    RpcExchangeHandler handler =
        new RpcExchangeHandler(
            config.branch(), authenticator, codec, config.limits().requestBytes(), timer, lease);
    server.createContext("/", handler);
    server.start();
    int port = server.getAddress().getPort();
    return new HttpEndpoint(server, handler, workers, urlOf(config, port));
  }

  /**
   * The port listened on, the chosen one when the configuration said 0.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Where the office calls this shop.
   *
   * @return for example {@code https://127.0.0.1:8743/RPC2}
   */
  public URI url() {
    return url;
  }

  /**
   * Waits for the requests being handled to send their replies, then stops listening and closes
   * every connection. Callers stop new work first.
   *
   * @param grace how long to wait for replies in progress
   */
  public void stop(Duration grace) {
    handler.awaitIdle(grace.toMillis());
    // 0: the JDK 17 server would otherwise wait out the whole delay even when idle
    server.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static URI urlOf(ShopConfig config, int port) {
    String host = config.listenHost();
    try {
      if (InetAddress.getByName(host).isAnyLocalAddress()) {
        // a wildcard address is not one a client can call; the loopback one serves local callers
        host = InetAddress.getLoopbackAddress().getHostAddress();
      }
    } catch (IOException e) {
      // a host name that does not resolve could not have been bound either
    }
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create(
        (config.tls() ? "https" : "http") + "://" + shown + ":" + port + RpcExchangeHandler.PATH);
  }

  /** Names threads, so that thread dumps and logs say what they belong to. */
  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Offers TLS 1.3 and 1.2 only. */
  private static final class Configurator extends HttpsConfigurator {
    Configurator(SSLContext context) {
      super(context);
    }

    @Override
    public void configure(HttpsParameters params) {
      SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
      parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      params.setSSLParameters(parameters);
    }
  }
}
