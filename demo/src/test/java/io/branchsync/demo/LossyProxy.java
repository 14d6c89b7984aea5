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
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP relay between the office and a shop that can lose replies: the request reaches the shop
 * and is carried out, but the office never hears back, as when a link drops mid-call.
 */
final class LossyProxy implements AutoCloseable {
  private static final Pattern METHOD = Pattern.compile("<methodName>([a-z_]+)</methodName>");
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI target;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> lostReplies = new CopyOnWriteArrayList<>();
  private volatile BiPredicate<String, Integer> loseReply = (method, nth) -> false;

  LossyProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::relay);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/RPC2");
  }

  /** Decides per call (method name, how many calls of it so far including this one). */
  void loseRepliesWhen(BiPredicate<String, Integer> rule) {
    this.loseReply = rule;
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
      HttpRequest.Builder request = HttpRequest.newBuilder(target)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
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
      if (loseReply.test(method, nth)) {
        lostReplies.add(new String(response.body(), StandardCharsets.UTF_8));
        return; // closing without a response: the office sees the connection drop
      }
      exchange.getResponseHeaders().add("Content-Type", "text/xml");
      exchange.sendResponseHeaders(response.statusCode(), response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
