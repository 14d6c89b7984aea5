package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.shop.ShopServer;
import io.branchsync.testkit.TestDialect;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop under hostile traffic on loopback: stalled connections (slowloris), guessers sharing the
 * office's address, deep nesting, and what refusals give away. The database plays no part in any of
 * this, so one dialect serves. Clients play different hosts by binding 127.0.0.x.
 */
class HostileTrafficIT {

  private static final int HEADER_TIMEOUT_SECONDS = 2;
  private static final int STALLED = 50;
  private static final String WRONG = Http.basic(ShopFixture.USER, "not the secret");
  private static final String RIGHT = Http.basic(ShopFixture.USER, ShopFixture.SECRET);

  private static ShopFixture shop;
  private static ShopServer https;
  private static SSLContext trust;

  @BeforeAll
  static void start() throws Exception {
    shop =
        ShopFixture.start(
            TestDialect.POSTGRESQL,
            Map.of("http.header.timeout.seconds", Integer.toString(HEADER_TIMEOUT_SECONDS)));
    Path keystore = TestKeystore.create(shop.dir);
    Files.writeString(shop.dir.resolve("tls-password"), TestKeystore.PASSWORD + "\n");
    https =
        ShopServer.start(
            shop.config(
                Map.of(
                    "http.plain", "false",
                    "tls.keystore", keystore.toString(),
                    "tls.password.file", shop.dir.resolve("tls-password").toString())));
    trust = TestKeystore.trusting(keystore);
    // the first calls load classes and warm up TLS; the timings below are of a running shop
    slowestInfo(HttpClient.newBuilder(), shop.server().url());
    slowestInfo(HttpClient.newBuilder().sslContext(trust), https.url());
  }

  @AfterAll
  static void stop() {
    if (https != null) {
      https.close();
    }
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void stalledRequestsAreClosedInTimeWhileInfoAnswersAtOnce() throws Exception {
    URI url = shop.server().url();
    List<Socket> stalled = new ArrayList<>();
    long opened = System.nanoTime();
    try {
      for (int i = 0; i < STALLED; i++) {
        // four variants over four client addresses, at most 13 per address
        Socket socket = RawHttp.connect("127.0.0." + (20 + i % 4), url);
        socket.getOutputStream().write(stall(i / 4 % 4));
        socket.getOutputStream().flush();
        stalled.add(socket);
      }

      long slowestInfo = slowestInfo(HttpClient.newBuilder(), url);

      long longestHeld = longestHeld(stalled, opened);
      System.out.printf(
          "slowloris: %d stalled connections, slowest info %d ms, longest held %d ms%n",
          STALLED, slowestInfo, longestHeld);
      assertTrue(slowestInfo < 1_000, "info took " + slowestInfo + " ms");
      assertTrue(longestHeld < (HEADER_TIMEOUT_SECONDS + 3) * 1_000L, "held " + longestHeld);
    } finally {
      closeAll(stalled);
    }
  }

  @Test
  void aFloodOfStalledConnectionsFromTheOfficesAddressDoesNotKeepItOut() throws Exception {
    URI url = shop.server().url();
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < STALLED; i++) {
        Socket socket = RawHttp.connect("127.0.0.1", url);
        socket.getOutputStream().write('P');
        stalled.add(socket);
      }
      long slowestInfo = slowestInfo(HttpClient.newBuilder(), url);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
      int closedAtOnce = 0;
      for (Socket socket : stalled) {
        if (RawHttp.awaitClosed(socket, Math.max(deadline, System.nanoTime() + 5_000_000))) {
          closedAtOnce++;
        }
      }
      System.out.printf(
          "one address: %d stalled, %d closed at once, slowest info %d ms%n",
          STALLED, closedAtOnce, slowestInfo);
      assertTrue(slowestInfo < 1_000, "info took " + slowestInfo + " ms");
      assertTrue(
          closedAtOnce >= STALLED - 16, "closed over the per-address limit: " + closedAtOnce);
    } finally {
      closeAll(stalled);
    }
  }

  @Test
  void partialTlsHandshakesAreClosedInTimeWhileInfoAnswersAtOnce() throws Exception {
    URI url = https.url();
    List<Socket> stalled = new ArrayList<>();
    long opened = System.nanoTime();
    try {
      for (int i = 0; i < STALLED; i++) {
        Socket socket = RawHttp.connect("127.0.0." + (30 + i % 4), url);
        // the first 5 bytes of a ClientHello record: handshake, TLS 1.0 record, 512 bytes to come
        socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
        socket.getOutputStream().flush();
        stalled.add(socket);
      }

      long slowestInfo = slowestInfo(HttpClient.newBuilder().sslContext(trust), url);

      long longestHeld = longestHeld(stalled, opened);
      System.out.printf(
          "TLS slowloris: %d partial ClientHellos, slowest info %d ms, longest held %d ms%n",
          STALLED, slowestInfo, longestHeld);
      assertTrue(slowestInfo < 1_000, "info took " + slowestInfo + " ms");
      assertTrue(longestHeld < (HEADER_TIMEOUT_SECONDS + 3) * 1_000L, "held " + longestHeld);
    } finally {
      closeAll(stalled);
    }
  }

  @Test
  void theOfficeIsNeverRefusedWhileGuessersHammerFromItsAddress() throws Exception {
    // a fresh server: the office's secret is not remembered yet, so its first call is checked in
    // turn with the guesses
    ShopServer server = shop.restart();
    AtomicBoolean guessing = new AtomicBoolean(true);
    ExecutorService guessers = Executors.newFixedThreadPool(4);
    AtomicInteger guesses = new AtomicInteger();
    for (int i = 0; i < 4; i++) {
      guessers.submit(
          () -> {
            while (guessing.get()) {
              RawHttp.post("127.0.0.1", server.url(), WRONG, Http.call("info"));
              guesses.incrementAndGet();
            }
            return null;
          });
    }
    List<Integer> statuses = new ArrayList<>();
    long slowest = 0;
    try {
      Thread.sleep(500);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (System.nanoTime() < end) {
        long started = System.nanoTime();
        statuses.add(Http.post(server.url(), RIGHT, Http.call("info")).statusCode());
        slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        Thread.sleep(250);
      }
    } finally {
      guessing.set(false);
      guessers.shutdown();
      assertTrue(guessers.awaitTermination(60, TimeUnit.SECONDS));
    }
    System.out.printf(
        "office beside 4 guessers: %d calls, statuses %s, slowest %d ms, %d guesses answered%n",
        statuses.size(), statuses.stream().distinct().toList(), slowest, guesses.get());
    assertTrue(statuses.size() > 5);
    assertTrue(statuses.stream().allMatch(s -> s == 200), "statuses: " + statuses);
  }

  @Test
  void parallelGuessersGetNoMoreAnswersThanOne() throws Exception {
    URI url = shop.server().url();
    int serial = guessesIn(url, "127.0.0.40", 1, 8);
    int parallel = guessesIn(url, "127.0.0.41", 8, 8);
    System.out.printf("guesses answered in 8 s: 1 guesser %d, 8 guessers %d%n", serial, parallel);
    assertTrue(parallel <= serial + 1, "serial " + serial + ", parallel " + parallel);
  }

  @Test
  void refusalsAndErrorsGiveNothingAway() throws Exception {
    HttpResponse<String> refused = Http.post(shop.server().url(), null, Http.call("info"));
    assertEquals(401, refused.statusCode());
    assertFalse(refused.body().contains("branch-"), refused.body());

    try (Socket socket = RawHttp.connect("127.0.0.50", shop.server().url())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "GET /RPC2 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = RawHttp.readAll(socket.getInputStream());
      assertEquals(400, RawHttp.status(answer), answer);
      assertFalse(answer.contains("Exception"), answer);
      assertFalse(answer.toLowerCase(java.util.Locale.ROOT).contains("jetty"), answer);
    }
  }

  @Test
  void tls12OffersOnlyForwardSecretAeadSuites() throws Exception {
    URI url = https.url();
    assertThrows(
        SSLHandshakeException.class, () -> handshake(url, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"));
    assertThrows(
        SSLHandshakeException.class,
        () -> handshake(url, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"));
    handshake(url, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
  }

  private static void handshake(URI url, String suite) throws IOException {
    try (SSLSocket socket =
        (SSLSocket) trust.getSocketFactory().createSocket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(new String[] {suite});
      socket.startHandshake();
    }
  }

  /** The bytes a stalled client sends: each variant stops at another point of the request. */
  private static byte[] stall(int variant) {
    String text =
        switch (variant) {
          case 0 -> "P";
          case 1 -> "POST /RPC2 HTTP/1.1\r\nHost: shop\r\nContent-Type: text/xml\r\n";
          case 2 -> "POST /RPC2 HTTP/1.1\r\nHost: shop\r\nContent-Length: 1000\r\n\r\n<?xml";
          default ->
              "POST /RPC2 HTTP/1.1\r\nHost: shop\r\nAuthorization: "
                  + WRONG
                  + "\r\nContent-Length: 1000\r\n\r\n<?xml";
        };
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Five calls, each on a new connection (and TLS handshake), as the office's next sync makes. */
  private static long slowestInfo(HttpClient.Builder clients, URI url) throws Exception {
    long slowest = 0;
    for (int i = 0; i < 5; i++) {
      HttpClient client = clients.build();
      long started = System.nanoTime();
      HttpResponse<String> response =
          Http.post(client, url, RIGHT, HttpRequest.BodyPublishers.ofString(Http.call("info")));
      assertEquals(200, response.statusCode());
      slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
    }
    return slowest;
  }

  /** Waits for the server to close every socket; the longest time one stayed open, in ms. */
  private static long longestHeld(List<Socket> sockets, long openedNanos) throws IOException {
    long deadline = openedNanos + TimeUnit.SECONDS.toNanos(HEADER_TIMEOUT_SECONDS + 10);
    long longest = 0;
    for (Socket socket : sockets) {
      assertTrue(RawHttp.awaitClosed(socket, deadline), "a stalled connection stayed open");
      longest = Math.max(longest, (System.nanoTime() - openedNanos) / 1_000_000);
    }
    return longest;
  }

  private static int guessesIn(URI url, String address, int guessers, int seconds)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ConcurrentLinkedQueue<Integer> answered = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(guessers);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < guessers; i++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  int status = RawHttp.post(address, url, WRONG, Http.call("info"));
                  if (System.nanoTime() < end) {
                    answered.add(status);
                  }
                }
                return null;
              }));
    }
    for (Future<?> each : running) {
      each.get(90, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(answered.stream().allMatch(s -> s == 401), "answers: " + answered);
    return answered.size();
  }

  private static void closeAll(List<Socket> sockets) {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed by the server
      }
    }
  }
}
