package io.branchsync.shop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.shop.ShopConfigException;
import io.branchsync.shop.ShopServer;
import io.branchsync.testkit.TestDialect;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HTTP face of the shop: credentials, paths, verbs, sizes, the XML parser and TLS. */
class ShopHttpIT {

  private static final Map<TestDialect, ShopFixture> SHOPS = new EnumMap<>(TestDialect.class);

  static synchronized ShopFixture shop(TestDialect which) {
    return SHOPS.computeIfAbsent(
        which, w -> ShopFixture.start(w, Map.of("limit.request.bytes", "1MiB")));
  }

  @AfterAll
  static void stop() {
    SHOPS.values().forEach(ShopFixture::close);
    SHOPS.clear();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void infoReportsBranchDialectProtocolSchemaAndPending(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    @SuppressWarnings("unchecked")
    Map<String, Object> info = (Map<String, Object>) shop.call("info");

    assertEquals(ShopFixture.BRANCH, info.get("branch"));
    assertEquals(which == TestDialect.POSTGRESQL ? "postgresql" : "mysql", info.get("dialect"));
    assertEquals(1, info.get("protocol"));
    assertEquals("10", info.get("schema_version"));
    assertEquals(0, info.get("pending"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void withoutCredentialsTheAnswerIs401AndNothingRuns(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec(
        "DELETE FROM product WHERE id = 1",
        "INSERT INTO product (id, sku, description, price) VALUES (1, 'A', 'kept', 1)");

    HttpResponse<String> response = Http.post(shop.server().url(), null, Http.call("clean"));

    assertEquals(401, response.statusCode());
    assertEquals(
        "Basic realm=\"branchsync\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals(1, shop.longValue("SELECT COUNT(*) FROM product WHERE id = 1"));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void withWrongCredentialsTheAnswerIs401AndNothingRuns(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    shop.exec(
        "DELETE FROM product WHERE id = 2",
        "INSERT INTO product (id, sku, description, price) VALUES (2, 'B', 'kept', 1)");
    URI url = shop.server().url();

    HttpResponse<String> wrongPassword =
        Http.post(url, Http.basic(ShopFixture.USER, "wrong secret"), Http.call("clean"));
    HttpResponse<String> wrongUser =
        Http.post(url, Http.basic("branch-4", ShopFixture.SECRET), Http.call("clean"));
    HttpResponse<String> notBasic = Http.post(url, "Bearer abc", Http.call("clean"));

    assertEquals(401, wrongPassword.statusCode());
    assertEquals(401, wrongUser.statusCode());
    assertEquals(401, notBasic.statusCode());
    assertEquals(
        1, shop.longValue("SELECT COUNT(*) FROM product WHERE id = 2"), "the clean did not run");
    assertTrue(shop.call("info") instanceof Map, "the right credentials still work");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void xmlRpcClientWithWrongSecretIsRefused(TestDialect which) {
    ShopFixture shop = shop(which);
    XmlRpcException refused =
        assertThrows(
            XmlRpcException.class,
            () ->
                ShopFixture.client(shop.server(), ShopFixture.USER, "nope")
                    .execute("info", List.of()));
    assertTrue(refused.getMessage().contains("Unauthorized"), refused.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void onlyPostToRpc2IsServed(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String auth = Http.basic(ShopFixture.USER, ShopFixture.SECRET);
    URI url = shop.server().url();

    assertEquals(404, Http.post(url.resolve("/other"), auth, Http.call("info")).statusCode());
    assertEquals(404, Http.post(url.resolve("/RPC2/x"), auth, Http.call("info")).statusCode());
    HttpResponse<String> get = Http.get(url, auth);
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    assertEquals(
        401,
        Http.get(url.resolve("/other"), null).statusCode(),
        "credentials come before anything else");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void oversizedRequestIs413WithOrWithoutContentLength(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    String auth = Http.basic(ShopFixture.USER, ShopFixture.SECRET);
    byte[] big =
        ("<?xml version=\"1.0\"?><methodCall><methodName>info</methodName><!--"
                + " ".repeat(2 << 20)
                + "--></methodCall>")
            .getBytes(StandardCharsets.UTF_8);
    HttpClient client = HttpClient.newHttpClient();

    // Refusing early means the server closes while the client may still be sending; TCP can then
    // reset the connection before the client reads the 413. Either way nothing ran, and the
    // server goes on serving: that is the contract. A 413 that arrives must be a 413.
    int declared = statusOrReset(client, shop, auth, HttpRequest.BodyPublishers.ofByteArray(big));
    int chunked =
        statusOrReset(
            client,
            shop,
            auth,
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

    assertTrue(declared == 413 || declared == RESET, "declared length: " + declared);
    assertTrue(chunked == 413 || chunked == RESET, "chunked: " + chunked);
    assertTrue(shop.call("info") instanceof Map);
  }

  /** Stands for a connection the server closed before the client read its answer. */
  private static final int RESET = -1;

  private static int statusOrReset(
      HttpClient client, ShopFixture shop, String auth, HttpRequest.BodyPublisher body)
      throws Exception {
    try {
      return Http.post(client, shop.server().url(), auth, body).statusCode();
    } catch (java.io.IOException e) {
      return RESET;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void externalEntitiesAreNeverResolved(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    Path secret = shop.dir.resolve("not-for-the-network.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE methodCall [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<methodCall><methodName>diff</methodName><params><param><value><string>&x;"
            + "</string></value></param></params></methodCall>";

    HttpResponse<String> response =
        Http.post(shop.server().url(), Http.basic(ShopFixture.USER, ShopFixture.SECRET), xxe);

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("<fault>"), response.body());
    assertTrue(response.body().contains(Integer.toString(FaultCode.BAD_ARGUMENT.code())));
    assertFalse(response.body().contains("TOP-SECRET-MARKER"), response.body());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void malformedCallsAreFaultsNamingTheProblem(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);

    XmlRpcException unknown = shop.fault("drop_everything");
    XmlRpcException arguments = shop.fault("sql_finish");
    XmlRpcException type = shop.fault("sql_create", 1, "not base64");

    assertEquals(FaultCode.BAD_ARGUMENT.code(), unknown.code);
    assertTrue(unknown.getMessage().contains("drop_everything"), unknown.getMessage());
    assertEquals(FaultCode.BAD_ARGUMENT.code(), arguments.code);
    assertEquals(FaultCode.BAD_ARGUMENT.code(), type.code);
    HttpResponse<String> garbage =
        Http.post(
            shop.server().url(),
            Http.basic(ShopFixture.USER, ShopFixture.SECRET),
            "this is not XML");
    assertTrue(garbage.body().contains(Integer.toString(FaultCode.BAD_ARGUMENT.code())));
    assertFalse(garbage.body().contains("at org."), "no stack trace: " + garbage.body());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void deeplyNestedArraysAreAFaultAndTheShopGoesOn(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    int depth = 5_000;
    String body =
        "<?xml version=\"1.0\"?><methodCall><methodName>diff</methodName><params><param>"
            + "<value>"
            + "<array><data><value>".repeat(depth)
            + "<i4>1</i4>"
            + "</value></data></array>".repeat(depth)
            + "</value></param></params></methodCall>";

    HttpResponse<String> response =
        Http.post(shop.server().url(), Http.basic(ShopFixture.USER, ShopFixture.SECRET), body);

    assertEquals(200, response.statusCode());
    assertTrue(
        response.body().contains(Integer.toString(FaultCode.BAD_ARGUMENT.code())), response.body());
    assertTrue(response.body().contains("nested deeper"), response.body());
    assertTrue(shop.call("info") instanceof Map);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void httpsServesWithTheKeystore(TestDialect which) throws Exception {
    ShopFixture shop = shop(which);
    Path keystore = TestKeystore.create(shop.dir);
    Files.writeString(shop.dir.resolve("tls-password"), TestKeystore.PASSWORD + "\n");
    try (ShopServer https =
        ShopServer.start(
            shop.config(
                Map.of(
                    "http.plain", "false",
                    "tls.keystore", keystore.toString(),
                    "tls.password.file", shop.dir.resolve("tls-password").toString(),
                    "staging.dir", shop.dir.resolve("staging-tls").toString())))) {
      HttpClient client =
          HttpClient.newBuilder().sslContext(TestKeystore.trusting(keystore)).build();

      HttpResponse<String> response =
          Http.post(
              client,
              https.url(),
              Http.basic(ShopFixture.USER, ShopFixture.SECRET),
              HttpRequest.BodyPublishers.ofString(Http.call("info")));

      assertEquals("https", https.url().getScheme());
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("schema_version"), response.body());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDialect.class)
  void withoutKeystoreOrPlainHttpTheServerRefusesToStart(TestDialect which) {
    ShopFixture shop = shop(which);
    ShopConfigException refused =
        assertThrows(
            ShopConfigException.class,
            () -> ShopServer.start(shop.config(Map.of("http.plain", "false"))));
    assertEquals("tls.keystore", refused.key());
  }
}
