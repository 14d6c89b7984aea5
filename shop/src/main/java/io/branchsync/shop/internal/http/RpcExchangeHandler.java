package io.branchsync.shop.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.rpc.RequestTooLargeException;
import io.branchsync.shop.internal.rpc.XmlRpcCodec;
import io.branchsync.shop.internal.session.OfficeLease;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles every HTTP request: credentials first, before anything of the body is read; then only
 * {@code POST /RPC2} is served, with the body bounded while it is read. A refusal of wrong
 * credentials is answered after the throttle's delay from a timer, so the waiting holds no worker
 * thread.
 */
final class RpcExchangeHandler implements HttpHandler {

  /** The one path of the contract. */
  static final String PATH = "/RPC2";

  /** MDC key of the branch number on log lines. */
  static final String MDC_BRANCH = "branch";

  private static final Logger LOG = LoggerFactory.getLogger(RpcExchangeHandler.class);
  private static final String DRAINED = "branchsync.drained";
  // Bodies beyond this are cut off: reading more would let any caller occupy a worker for free.
  private static final long DRAIN_BYTES = 4L << 20;
  private static final String CHALLENGE = "Basic realm=\"branchsync\"";

  private final String branch;
  private final BranchAuthenticator authenticator;
  private final XmlRpcCodec codec;
  private final long maxRequestBytes;
  private final ScheduledExecutorService timer;
  private final OfficeLease lease;
  private final AtomicInteger active = new AtomicInteger();

  RpcExchangeHandler(
      int branch,
      BranchAuthenticator authenticator,
      XmlRpcCodec codec,
      long maxRequestBytes,
      ScheduledExecutorService timer,
      OfficeLease lease) {
    this.branch = Integer.toString(branch);
    this.authenticator = authenticator;
    this.codec = codec;
    this.maxRequestBytes = maxRequestBytes;
    this.timer = timer;
    this.lease = lease;
  }

  @Override
  public void handle(HttpExchange exchange) {
    active.incrementAndGet();
    MDC.put(MDC_BRANCH, branch);
    boolean handedToTimer = false;
    try {
      BranchAuthenticator.Outcome outcome =
          authenticator.check(
              exchange.getRequestHeaders().getFirst("Authorization"), address(exchange));
      switch (outcome.verdict()) {
        case ACCEPTED -> serveLeased(exchange);
        case MISSING -> unauthorized(exchange);
        case REFUSED -> {
          // read the body here, so the timer thread only writes the answer
          drain(exchange);
          handedToTimer = refuseLater(exchange, outcome.delayMillis());
        }
      }
    } catch (IOException e) {
      // the client went away or sent garbage; there is nobody left to answer
      LOG.debug("Exchange with {} failed: {}", address(exchange), e.toString());
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure while handling a request", e);
      trySend(exchange, 500, "internal error; see the shop's log");
    } finally {
      if (!handedToTimer) {
        exchange.close();
      }
      MDC.remove(MDC_BRANCH);
      active.decrementAndGet();
    }
  }

  /**
   * Waits until no request is being handled, so that replies already computed reach the caller.
   *
   * @param millis how long to wait at most
   * @return true if idle in time
   */
  boolean awaitIdle(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (active.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** While the office's request arrives and is served, its sessions are not idle. */
  private void serveLeased(HttpExchange exchange) throws IOException {
    lease.callStarted();
    try {
      serve(exchange);
    } finally {
      lease.callEnded();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
      send(exchange, 404, "not found; XML-RPC is served at " + PATH);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      send(exchange, 405, "method not allowed; use POST");
      return;
    }
    if (declaredLength(exchange) > maxRequestBytes) {
      tooLarge(exchange);
      return;
    }
    byte[] reply;
    try {
      reply = codec.process(new BoundedInputStream(exchange.getRequestBody(), maxRequestBytes));
    } catch (RequestTooLargeException e) {
      tooLarge(exchange);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
    exchange.sendResponseHeaders(200, reply.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply);
    }
  }

  private boolean refuseLater(HttpExchange exchange, long delayMillis) {
    try {
      timer.schedule(
          () -> {
            trySend(exchange, 401, null);
            exchange.close();
          },
          delayMillis,
          TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException e) {
      // the server is stopping; answer at once
      trySend(exchange, 401, null);
      return false;
    }
  }

  private void unauthorized(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
    send(exchange, 401, "authentication required: HTTP Basic, user branch-" + branch);
  }

  private void tooLarge(HttpExchange exchange) throws IOException {
    LOG.warn("Refused a request body over {} bytes (limit.request.bytes)", maxRequestBytes);
    send(exchange, 413, "request body exceeds " + maxRequestBytes + " bytes");
  }

  private void trySend(HttpExchange exchange, int status, String text) {
    try {
      if (status == 401) {
        unauthorized(exchange);
      } else {
        send(exchange, status, text);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not answer {}: {}", status, e.toString());
    }
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    drain(exchange);
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
    // the request body was not read: the connection cannot carry another request
    exchange.getResponseHeaders().set("Connection", "close");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Reads and drops what is left of the request body, up to {@value #DRAIN_BYTES} bytes. A client
   * still sending when the server closes the connection gets a reset instead of the answer; reading
   * a bounded amount first lets an ordinary client see its 401 or 413.
   */
  private static void drain(HttpExchange exchange) {
    if (exchange.getAttribute(DRAINED) != null) {
      return;
    }
    exchange.setAttribute(DRAINED, Boolean.TRUE);
    byte[] buffer = new byte[8192];
    long left = DRAIN_BYTES;
    try {
      InputStream in = exchange.getRequestBody();
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        left -= n;
      }
    } catch (IOException e) {
      // the client stopped sending; the answer may still reach it
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Content-Length");
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String address(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
