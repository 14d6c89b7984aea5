package io.branchsync.shop.internal.http;

import io.branchsync.shop.HttpLimits;
import io.branchsync.shop.ShopConfig;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.rpc.XmlRpcCodec;
import io.branchsync.shop.internal.session.OfficeLease;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The listening HTTP or HTTPS server (Jetty). Jetty reads request headers and TLS handshakes
 * without holding a thread, so connections that send nothing cost a socket, not a worker; the
 * {@link ConnectionGuard} closes them after the header timeout and bounds them per address, and the
 * idle timeout closes any connection silent for too long. Stopping waits for the calls in progress,
 * then closes the listening socket and every connection.
 */
public final class HttpEndpoint {

  // Threads for serving beyond the session limit, so info and diff are answered while sessions are
  // busy, plus Jetty's own acceptor and selector.
  private static final int SPARE_THREADS = 12;
  // A request's headers: the Authorization header and a few more; nothing of ours needs more.
  private static final int HEADER_BYTES = 8 << 10;

  private final Server server;
  private final ServerConnector connector;
  private final RpcCall call;
  private final URI url;

  private HttpEndpoint(Server server, ServerConnector connector, RpcCall call, URI url) {
    this.server = server;
    this.connector = connector;
    this.call = call;
    this.url = url;
  }

  /**
   * Binds and starts serving.
   *
   * @param config the shop's configuration: address, TLS, limits
   * @param authenticator checks every request's credentials
   * @param codec reads calls and writes replies
   * @param timer runs delayed refusals and header deadlines
   * @param lease told while a large call's body arrives and is applied
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
    QueuedThreadPool threads = new QueuedThreadPool(config.limits().sessions() + SPARE_THREADS, 4);
    threads.setName("shop-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    server.setErrorHandler(new PlainErrorHandler());
    HttpLimits limits = config.http();
    ServerConnector connector = new ServerConnector(server, 1, 1, factories(config));
    connector.setHost(config.listenHost());
    connector.setPort(config.listenPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    ConnectionGuard guard =
        new ConnectionGuard(
            limits.headerTimeout().toMillis(), limits.connectionsPerAddress(), timer);
    connector.addBean(guard);
    server.addConnector(connector);
    RpcCall call = new RpcCall(config.branch(), codec, config.limits().requestBytes(), lease);
    server.setHandler(new RpcHandler(authenticator, guard, call, threads));
    server.setStopAtShutdown(false);
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server);
      throw e;
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
    }
    return new HttpEndpoint(server, connector, call, urlOf(config, connector.getLocalPort()));
  }

  private static ConnectionFactory[] factories(ShopConfig config) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(HEADER_BYTES);
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    if (!config.tls()) {
      return new ConnectionFactory[] {plain};
    }
    SslConnectionFactory tls =
        new SslConnectionFactory(
            TlsContexts.fromPkcs12(config.tlsKeystore(), config.tlsPassword().toCharArray()),
            plain.getProtocol());
    return new ConnectionFactory[] {tls, plain};
  }

  /**
   * The port listened on, the chosen one when the configuration said 0.
   *
   * @return the port
   */
  public int port() {
    return connector.getLocalPort();
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
   * Waits for the requests being served to send their replies, then stops listening and closes
   * every connection. Callers stop new work first.
   *
   * @param grace how long to wait for replies in progress
   */
  public void stop(Duration grace) {
    call.awaitIdle(grace.toMillis());
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping closes sockets; a failure there leaves nothing to clean up
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
        (config.tls() ? "https" : "http") + "://" + shown + ":" + port + RpcCall.PATH);
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
}
