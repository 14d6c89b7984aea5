package io.branchsync.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP relay between the office and a shop that can lose replies: the request reaches the shop
 * and is carried out, but the office never hears back, as when a link drops mid-call. It can also
 * cut a reply after some bytes, hold it back as a frozen shop would, or let it drip out a byte at a
 * time, or have the office or the shop die at a chosen call.
 */
final class LossyProxy implements AutoCloseable {
  private static final Pattern METHOD = Pattern.compile("<methodName>([a-z_]+)</methodName>");
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private volatile URI target;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> lostReplies = new CopyOnWriteArrayList<>();
  private final ExecutorService handlers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "lossy-proxy");
            t.setDaemon(true);
            return t;
          });
  private volatile BiPredicate<String, Integer> loseReply = (method, nth) -> false;
  private volatile BiPredicate<String, Integer> spoilReply = (method, nth) -> false;
  private volatile Spoiler spoiler = (exchange, reply) -> {};
  private volatile BiPredicate<String, Integer> interrupt = (method, nth) -> false;
  private volatile boolean interruptAfterShop;
  private volatile Runnable interruption = () -> {};
  private volatile long latencyMs;
  private final java.util.concurrent.atomic.AtomicInteger struck =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Sends (part of) a reply the office will not get whole, or not in time. */
  private interface Spoiler {
    void send(HttpExchange exchange, byte[] reply) throws IOException, InterruptedException;
  }

  LossyProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::relay);
    // a held-back reply must not hold back the other calls too
    server.setExecutor(handlers);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/RPC2");
  }

  /** Decides per call (method name, how many calls of it so far including this one). */
  void loseRepliesWhen(BiPredicate<String, Integer> rule) {
    this.loseReply = rule;
  }

  /** Sends the first {@code kept} bytes of the replies chosen, then closes the connection. */
  void cutRepliesWhen(BiPredicate<String, Integer> rule, int kept) {
    spoil(
        rule,
        (exchange, reply) -> {
          exchange.sendResponseHeaders(200, reply.length);
          OutputStream out = exchange.getResponseBody();
          out.write(reply, 0, Math.min(kept, reply.length));
          out.flush();
          // a handler that fails makes the server close the connection, short of the promised
          // length
          throw new IOException("reply cut on purpose after " + kept + " bytes");
        });
  }

  /** Holds back the replies chosen, as a shop that froze after doing the work. */
  void holdRepliesWhen(BiPredicate<String, Integer> rule) {
    spoil(rule, (exchange, reply) -> Thread.sleep(Long.MAX_VALUE));
  }

  /** Sends the replies chosen one byte every {@code everyMs}, each byte well within a timeout. */
  void dripRepliesWhen(BiPredicate<String, Integer> rule, long everyMs) {
    spoil(
        rule,
        (exchange, reply) -> {
          exchange.sendResponseHeaders(200, reply.length);
          OutputStream out = exchange.getResponseBody();
          for (byte b : reply) {
            out.write(b);
            out.flush();
            Thread.sleep(everyMs);
          }
        });
  }

  /**
   * Runs {@code action} (an office or a shop dying) on the call chosen, either before the shop sees
   * it (it never does) or once the shop has answered (the answer is lost), and drops the
   * connection.
   */
  void interruptWhen(BiPredicate<String, Integer> rule, boolean afterShop, Runnable action) {
    interruption = action;
    interruptAfterShop = afterShop;
    interrupt = rule;
  }

  /** Holds every reply back this long, as a long-distance link does. */
  void delayReplies(long millis) {
    this.latencyMs = millis;
  }

  /** How many calls a fault struck since this proxy started. */
  int struck() {
    return struck.get();
  }

  /** Relays faithfully from now on, and counts calls afresh. */
  void heal() {
    loseReply = (method, nth) -> false;
    spoilReply = (method, nth) -> false;
    interrupt = (method, nth) -> false;
    calls.clear();
  }

  /** Relays to another address from now on: the shop restarted on another port. */
  void retarget(URI shop) {
    this.target = shop;
  }

  private void spoil(BiPredicate<String, Integer> rule, Spoiler how) {
    spoiler = how;
    spoilReply = rule;
  }

  List<String> calls() {
    return calls;
  }

  /** The bodies of replies the shop sent that never reached the office. */
  List<String> lostReplies() {
    return lostReplies;
  }

  private void relay(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Matcher m = METHOD.matcher(new String(body, StandardCharsets.UTF_8));
      String method = m.find() ? m.group(1) : "?";
      calls.add(method);
      int nth = (int) calls.stream().filter(method::equals).count();
      boolean interrupted = interrupt.test(method, nth);
      if (interrupted && !interruptAfterShop) {
        struck.incrementAndGet();
        interruption.run();
        return; // closing without a response: the call never reached the shop
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        request.header("Authorization", auth);
      }
      request.header("Content-Type", "text/xml");
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (latencyMs > 0) {
        Thread.sleep(latencyMs);
      }
      if (interrupted) {
        struck.incrementAndGet();
        lostReplies.add(new String(response.body(), StandardCharsets.UTF_8));
        interruption.run();
        return;
      }
      relayReply(exchange, method, nth, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the proxy is closing
    }
  }

  private void relayReply(
      HttpExchange exchange, String method, int nth, HttpResponse<byte[]> response)
      throws IOException, InterruptedException {
    if (loseReply.test(method, nth)) {
      struck.incrementAndGet();
      lostReplies.add(new String(response.body(), StandardCharsets.UTF_8));
      return; // closing without a response: the office sees the connection drop
    }
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    if (spoilReply.test(method, nth)) {
      struck.incrementAndGet();
      lostReplies.add(new String(response.body(), StandardCharsets.UTF_8));
      spoiler.send(exchange, response.body());
      return;
    }
    exchange.sendResponseHeaders(response.statusCode(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
