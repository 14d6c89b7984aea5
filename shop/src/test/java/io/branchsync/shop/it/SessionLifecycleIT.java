package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.schema.chunk.Upsert;
import io.branchsync.testkit.TestDialect;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sessions across idle time, a server stopped mid-session, and a stop during sql_finish. */
class SessionLifecycleIT {

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void serverStoppedBetweenCreateAndFinishLeavesTheDatabaseUnchanged(TestDialect which)
      throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      long before = shop.count("product");
      int sid = (Integer) shop.call("sql_prepare");
      shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(1, 50))));

      shop.restart();

      assertEquals(before, shop.count("product"));
      assertEquals(FaultCode.UNKNOWN_SESSION.code(), shop.fault("sql_finish", sid).code);
      int fresh = (Integer) shop.call("sql_prepare");
      shop.call("sql_create", fresh, shop.chunk(List.of(Rows.products(1, 50))));
      assertEquals(50, ((Map<?, ?>) shop.call("sql_finish", fresh)).get("rows"));
      assertEquals(before + 50, shop.count("product"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void stoppingDuringFinishLetsItCommitOrRollBackWhole(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of())) {
      int rows = 0;
      int sid = (Integer) shop.call("sql_prepare");
      for (int part = 0; part < 16; part++) {
        Upsert products = Rows.products(100_000 + part * 5000L, 5000);
        shop.call("sql_create", sid, shop.chunk(List.of(products)));
        rows += products.rowCount();
      }
      CompletableFuture<Object> finish =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return shop.call("sql_finish", sid);
                } catch (XmlRpcException e) {
                  return e;
                }
              });
      Thread.sleep(150);

      long started = System.nanoTime();
      shop.server().close();
      long closeMillis = (System.nanoTime() - started) / 1_000_000;

      Object outcome = finish.get(60, TimeUnit.SECONDS);
      long landed = shop.count("product");
      if (outcome instanceof Map<?, ?> result) {
        assertEquals(rows, result.get("rows"));
        assertEquals(rows, landed, "a finish that answered committed everything");
        System.out.println("close waited " + closeMillis + " ms for the running finish");
      } else {
        assertTrue(landed == 0 || landed == rows, "all or nothing, got " + landed);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void idleSessionsExpire(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of("limit.session.idle.seconds", "1"))) {
      int sid = (Integer) shop.call("sql_prepare");
      shop.call("sql_create", sid, shop.chunk(List.of(Rows.products(1, 2))));

      Thread.sleep(2_500);

      XmlRpcException expired = shop.fault("sql_finish", sid);
      assertEquals(FaultCode.UNKNOWN_SESSION.code(), expired.code);
      assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
      assertEquals(0, shop.count("product"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void aChunkUploadedMoreSlowlyThanTheIdleLimitKeepsItsSession(TestDialect which) throws Exception {
    try (ShopFixture shop = ShopFixture.start(which, Map.of("limit.session.idle.seconds", "1"))) {
      int sid = (Integer) shop.call("sql_prepare");
      byte[] body =
          ("<?xml version=\"1.0\"?><methodCall><methodName>sql_create</methodName><params>"
                  + "<param><value><i4>"
                  + sid
                  + "</i4></value></param><param><value><base64>"
                  + Base64.getEncoder().encodeToString(shop.chunk(List.of(Rows.products(1, 3000))))
                  + "</base64></value></param></params></methodCall>")
              .getBytes(StandardCharsets.UTF_8);
      // only bodies above 16 KiB hold the lease; polls such as info and diff must not
      assertTrue(body.length > 16 << 10, "the chunk must be a heavy body, was " + body.length);

      // three seconds on the way, three times the idle limit: a slow link, a healthy office
      HttpResponse<String> reply =
          Http.post(
              java.net.http.HttpClient.newHttpClient(),
              shop.server().url(),
              Http.basic(ShopFixture.USER, ShopFixture.SECRET),
              HttpRequest.BodyPublishers.fromPublisher(
                  HttpRequest.BodyPublishers.ofInputStream(() -> trickling(body, 3_000)),
                  body.length));

      assertEquals(200, reply.statusCode());
      assertTrue(reply.body().contains("<boolean>1</boolean>"), reply.body());
      assertEquals(3000, ((Map<?, ?>) shop.call("sql_finish", sid)).get("rows"));
    }
  }

  /** The bytes in 30 parts spread over {@code millis}. */
  private static InputStream trickling(byte[] bytes, long millis) {
    return new InputStream() {
      private int sent;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        if (sent == bytes.length) {
          return -1;
        }
        try {
          Thread.sleep(millis / 30);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
        int n = Math.min(Math.min(length, bytes.length / 30 + 1), bytes.length - sent);
        System.arraycopy(bytes, sent, into, offset, n);
        sent += n;
        return n;
      }
    };
  }
}
