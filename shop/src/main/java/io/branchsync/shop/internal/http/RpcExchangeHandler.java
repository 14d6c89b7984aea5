package io.branchsync.shop.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.rpc.RequestTooLargeException;
import io.branchsync.shop.internal.rpc.XmlRpcCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private static final String CHALLENGE = "Basic realm=\"branchsync\", charset=\"UTF-8\"";

  private final String branch;
  private final BranchAuthenticator authenticator;
  private final XmlRpcCodec codec;
  private final long maxRequestBytes;
  private final ScheduledExecutorService timer;

  RpcExchangeHandler(
      int branch,
      BranchAuthenticator authenticator,
      XmlRpcCodec codec,
      long maxRequestBytes,
      ScheduledExecutorService timer) {
    this.branch = Integer.toString(branch);
    this.authenticator = authenticator;
    this.codec = codec;
    this.maxRequestBytes = maxRequestBytes;
    this.timer = timer;
  }

  @Override
  public void handle(HttpExchange exchange) {
    MDC.put(MDC_BRANCH, branch);
    boolean handedToTimer = false;
    try {
      BranchAuthenticator.Outcome outcome =
          authenticator.check(
              exchange.getRequestHeaders().getFirst("Authorization"), address(exchange));
      switch (outcome.verdict()) {
        case ACCEPTED -> serve(exchange);
        case MISSING -> unauthorized(exchange);
        case REFUSED -> handedToTimer = refuseLater(exchange, outcome.delayMillis());
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
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
    // the request body was not read: the connection cannot carry another request
    exchange.getResponseHeaders().set("Connection", "close");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
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
