package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.testkit.TestDialect;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented limits fit the documented heap: a shop started as operations.md says, with {@code
 * -Xmx256m} and every limit at its default, takes eight large requests at once, eight oversized
 * ones, and a chunk that inflates to nearly {@code limit.chunk.bytes}, and still answers with
 * nothing out of memory. The shop runs in a child JVM so that its heap is the one measured.
 */
class ShopHeapIT {

  private static final String HEAP = "-Xmx256m";
  private static final String AUTH = Http.basic(ShopFixture.USER, ShopFixture.SECRET);
  private static final int PARALLEL = 8;
  // just under the defaults of limit.request.bytes (16 MiB) and limit.chunk.bytes (32 MiB)
  private static final int LARGE_BODY = 15 << 20;
  private static final int INFLATED = 31 << 20;

  @Test
  void defaultLimitsHoldUnderTheRecommendedHeap() throws Exception {
    try (ShopFixture shop = ShopFixture.prepare(TestDialect.POSTGRESQL, Map.of())) {
      Path config = shop.writeConfig(Map.of("listen", "127.0.0.1:0"));
      Path log = shop.dir.resolve("shop.log");
      try (ShopProcess child = ShopProcess.start(config, log, HEAP)) {
        URI url = child.url();
        HttpClient client = HttpClient.newHttpClient();
        long started = System.nanoTime();

        List<Integer> large = parallel(() -> largeCall(client, url));
        List<Integer> declared = parallel(() -> oversized(client, url, true));
        List<Integer> chunked = parallel(() -> oversized(client, url, false));
        List<Integer> lightButLarge = lightBodiesInflatingFar(client, url);
        String inflated = inflatingChunk(client, url);
        HttpResponse<String> info = post(client, url, Http.call("info"));

        String shopLog = Files.readString(log);
        System.out.printf(
            "%s: 8 x 15 MiB calls %s, 8 x 60 MiB declared %s, 8 x 60 MiB chunked %s,"
                + " 4 sessions x 15 KiB calls inflating to 11 MiB literals %s,"
                + " 31 MiB chunk: %s, in %d s%n",
            HEAP,
            large,
            declared,
            chunked,
            lightButLarge,
            inflated.contains("<boolean>1</boolean>") ? "applied" : inflated,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        assertTrue(large.stream().allMatch(s -> s == 200), "large calls: " + large);
        assertTrue(declared.stream().allMatch(s -> s == 413 || s == -1), "declared: " + declared);
        assertTrue(chunked.stream().allMatch(s -> s == 413 || s == -1), "chunked: " + chunked);
        assertTrue(inflated.contains("<boolean>1</boolean>"), inflated);
        assertTrue(lightButLarge.stream().allMatch(s -> s == 200), "light: " + lightButLarge);
        assertEquals(200, info.statusCode());
        assertTrue(child.isAlive());
        assertFalse(shopLog.contains("OutOfMemoryError"), shopLog);
      }
    }
  }

  /** A call that is read and parsed whole: sql_create of random data for a session that is not. */
  private static int largeCall(HttpClient client, URI url) throws Exception {
    byte[] data = new byte[LARGE_BODY / 4 * 3 - 1024];
    new Random(1).nextBytes(data);
    String body = sqlCreate(999_999, data);
    return post(client, url, body).statusCode();
  }

  private static int oversized(HttpClient client, URI url, boolean declared) throws Exception {
    // a well-formed start that goes on and on, so only the size limit can stop it
    byte[] body = new byte[60 << 20];
    java.util.Arrays.fill(body, (byte) ' ');
    byte[] start =
        "<?xml version=\"1.0\"?><methodCall><methodName>info</methodName><!--"
            .getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(start, 0, body, 0, start.length);
    HttpRequest.BodyPublisher publisher =
        declared
            ? HttpRequest.BodyPublishers.ofByteArray(body)
            : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    try {
      return Http.post(client, url, AUTH, publisher).statusCode();
    } catch (IOException e) {
      // refused before the body was read: the connection may close under the sender
      return -1;
    }
  }

  /**
   * Every session the shop allows, each sending at once a body small enough to skip the one-at-a-
   * time gate for large bodies (16 KiB) whose chunk inflates to an 11 MiB literal (deflate's best
   * ratio): each literal is held whole while it is parsed, so they must fit the heap together.
   * Returns each session's finish status.
   */
  private static List<Integer> lightBodiesInflatingFar(HttpClient client, URI url)
      throws Exception {
    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        long id = 101 + i;
        running.add(
            pool.submit(
                () -> {
                  int sid = sidOf(post(client, url, Http.call("sql_prepare")).body());
                  String body = sqlCreate(sid, imageChunk(id, 11 << 20));
                  assertTrue(body.length() < 16 << 10, "a light body, was " + body.length());
                  int created = post(client, url, body).statusCode();
                  HttpResponse<String> finished =
                      post(
                          client,
                          url,
                          "<?xml version=\"1.0\"?><methodCall>"
                              + "<methodName>sql_finish</methodName><params><param><value><i4>"
                              + sid
                              + "</i4></value></param></params></methodCall>");
                  return created == 200 && finished.body().contains("<name>rows</name>")
                      ? finished.statusCode()
                      : -created;
                }));
      }
      for (Future<Integer> each : running) {
        statuses.add(each.get(180, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One product upsert whose image is a hex literal of {@code hexDigits} zeros. */
  private static byte[] imageChunk(long id, int hexDigits) {
    StringBuilder sql = new StringBuilder(hexDigits + 512);
    sql.append("INSERT INTO \"product\" (\"id\", \"sku\", \"description\", \"price\", \"image\")")
        .append(" VALUES (")
        .append(id)
        .append(", 'IMG-")
        .append(id)
        .append("', 'image', 1.00, '\\x");
    sql.append("0".repeat(hexDigits));
    sql.append("'::bytea) ON CONFLICT (\"id\") DO UPDATE SET \"sku\" = EXCLUDED.\"sku\",")
        .append(" \"description\" = EXCLUDED.\"description\", \"price\" = EXCLUDED.\"price\",")
        .append(" \"image\" = EXCLUDED.\"image\";\n");
    return ChunkCodec.encode(sql.toString());
  }

  private static int sidOf(String reply) {
    return Integer.parseInt(reply.replaceAll("(?s).*<(?:i4|int)>(\\d+)</(?:i4|int)>.*", "$1"));
  }

  /** A session whose one chunk is a single upsert with a bytea literal of nearly the limit. */
  private static String inflatingChunk(HttpClient client, URI url) throws Exception {
    String prepared = post(client, url, Http.call("sql_prepare")).body();
    int sid =
        Integer.parseInt(prepared.replaceAll("(?s).*<(?:i4|int)>(\\d+)</(?:i4|int)>.*", "$1"));
    StringBuilder sql = new StringBuilder(INFLATED + 256);
    sql.append("INSERT INTO \"product\" (\"id\", \"sku\", \"description\", \"price\", \"image\")")
        .append(" VALUES (1, 'BIG', 'large image', 1.00, '\\x");
    while (sql.length() < INFLATED) {
      sql.append("0123456789abcdef");
    }
    sql.append("'::bytea) ON CONFLICT (\"id\") DO UPDATE SET \"sku\" = EXCLUDED.\"sku\",")
        .append(" \"description\" = EXCLUDED.\"description\", \"price\" = EXCLUDED.\"price\",")
        .append(" \"image\" = EXCLUDED.\"image\";\n");
    byte[] chunk = ChunkCodec.encode(sql.toString());
    sql = null;
    return post(client, url, sqlCreate(sid, chunk)).body();
  }

  private static String sqlCreate(int sid, byte[] data) {
    return "<?xml version=\"1.0\"?><methodCall><methodName>sql_create</methodName><params>"
        + "<param><value><i4>"
        + sid
        + "</i4></value></param><param><value><base64>"
        + Base64.getEncoder().encodeToString(data)
        + "</base64></value></param></params></methodCall>";
  }

  private static HttpResponse<String> post(HttpClient client, URI url, String body)
      throws Exception {
    return Http.post(client, url, AUTH, HttpRequest.BodyPublishers.ofString(body));
  }

  private static List<Integer> parallel(Callable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<Integer>> running = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        running.add(pool.submit(call::call));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> each : running) {
        statuses.add(each.get(180, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface Callable {
    int call() throws Exception;
  }
}
