package io.branchsync.office.client;

import static io.branchsync.office.client.MisbehavingShop.INFO_REPLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.client.MisbehavingShop.Behaviour;
import io.branchsync.protocol.RejectedRow;
import io.branchsync.schema.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The office's calls against shops that stop answering, answer too slowly, or cut their replies:
 * every call ends within its timeouts, as a network error that is retried, and a reply that arrived
 * whole but is not XML-RPC is a clear error that is not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShopClientTransportIT {
  /** Scheduling on a busy machine; the timeouts under test are all well below a minute. */
  private static final long MARGIN_MS = 2_000;

  private static final String SID_REPLY =
      "<?xml version=\"1.0\"?><methodResponse><params><param>"
          + "<value><i4>77</i4></value></param></params></methodResponse>";
  private static final String OLD_SHOP_FAULT =
      "<?xml version=\"1.0\"?><methodResponse><fault>"
          + "<value><struct><member><name>faultCode</name><value><i4>1003</i4></value></member>"
          + "<member><name>faultString</name><value><string>BAD_ARGUMENT (1003): sql_prepare: takes"
          + " 0 arguments, got 1</string></value></member></struct></value></fault></methodResponse>";

  private static ShopClient client(MisbehavingShop shop, int readMs, int callMs, int retries) {
    ShopClientSettings settings = new ShopClientSettings(1_000, readMs, callMs, retries, 10, null);
    return new ShopConnector(settings).client(shop.url(), "branch-1", "secret");
  }

  private static MisbehavingShop shop(IntFunction<Behaviour> byConnection) throws Exception {
    return new MisbehavingShop(byConnection);
  }

  /** Runs a call that must fail; returns the failure and how long the call took, in ms. */
  private static Failure fails(Executable call) {
    long started = System.nanoTime();
    ShopCallException e = assertThrows(ShopCallException.class, call);
    return new Failure(e, (System.nanoTime() - started) / 1_000_000);
  }

  private record Failure(ShopCallException error, long millis) {
    String message() {
      return error.getMessage();
    }
  }

  @Test
  void silentShopFailsAfterTheReadTimeoutOnEveryAttempt() throws Exception {
    try (MisbehavingShop shop = shop(n -> MisbehavingShop.silent())) {
      Failure f = fails(() -> client(shop, 400, 30_000, 2).info());
      assertEquals(ErrorCode.SHOP_UNREACHABLE, f.error().code(), f.message());
      assertTrue(f.error().transientFailure());
      assertTrue(
          f.message().contains("said nothing for 400 ms (client.read.timeout.ms)"), f.message());
      assertEquals(3, shop.connections(), "one call and two retries");
      assertTrue(f.millis() >= 3 * 400 && f.millis() < 3 * 400 + MARGIN_MS, f.millis() + " ms");
    }
  }

  @Test
  void drippingShopIsStoppedByTheCallDeadline() throws Exception {
    // a byte every 100 ms never leaves the shop silent for the 1 s read timeout
    try (MisbehavingShop shop = shop(n -> MisbehavingShop.dripping(INFO_REPLY, 100))) {
      Failure f = fails(() -> client(shop, 1_000, 800, 1).info());
      assertEquals(ErrorCode.SHOP_UNREACHABLE, f.error().code(), f.message());
      assertTrue(
          f.message().contains("no complete reply within 800 ms (client.call.timeout.ms)"),
          f.message());
      assertTrue(
          f.message().contains("of " + INFO_REPLY.length() + " bytes of the reply"), f.message());
      assertEquals(2, shop.connections(), "one call and one retry");
      assertTrue(f.millis() >= 2 * 800 && f.millis() < 2 * 800 + MARGIN_MS, f.millis() + " ms");
    }
  }

  @Test
  void shopThatStopsReadingIsStoppedByTheCallDeadlineWhileTheRequestIsSent() throws Exception {
    byte[] chunk = new byte[16 << 20]; // far more than the socket buffers hold
    new Random(1).nextBytes(chunk);
    try (MisbehavingShop shop = shop(n -> MisbehavingShop.deaf())) {
      // the silence allowed is far longer than the test's own timeout: only the deadline can help
      Failure f = fails(() -> client(shop, 120_000, 1_500, 0).create(1, chunk));
      assertEquals(ErrorCode.SHOP_UNREACHABLE, f.error().code(), f.message());
      assertTrue(f.message().contains("no complete reply within 1500 ms"), f.message());
      // writing the chunk as XML-RPC text comes first, before the call's clock starts
      assertTrue(f.millis() >= 1_500 && f.millis() < 1_500 + 3 * MARGIN_MS, f.millis() + " ms");
    }
  }

  @Test
  void replyCutMidBodyIsARetriedNetworkErrorNotAFault() throws Exception {
    try (MisbehavingShop shop = shop(n -> MisbehavingShop.cutting(INFO_REPLY, 60))) {
      Failure f = fails(() -> client(shop, 5_000, 10_000, 2).info());
      assertEquals(ErrorCode.SHOP_UNREACHABLE, f.error().code(), f.message());
      assertNull(f.error().fault());
      assertTrue(
          f.message().contains("reply cut after 60 of " + INFO_REPLY.length() + " bytes"),
          f.message());
      assertFalse(f.message().contains("fault 0"), f.message());
      assertEquals(3, shop.connections(), "one call and two retries");
    }
  }

  @Test
  void aCutReplyIsAskedForAgainAndTheWholeSecondReplyCounts() throws Exception {
    try (MisbehavingShop shop =
        shop(
            n ->
                n == 1
                    ? MisbehavingShop.cutting(INFO_REPLY, 60)
                    : MisbehavingShop.answering(INFO_REPLY))) {
      assertEquals(1, client(shop, 5_000, 10_000, 1).info().branch());
      assertEquals(2, shop.connections());
    }
  }

  @Test
  void wholeReplyThatIsNotXmlRpcIsAClearErrorAndNotRetried() throws Exception {
    // complete replies, their Content-Length all there: a wrong server, not a broken link
    for (String reply :
        new String[] {"<html><body>It works!</body></html>", INFO_REPLY.substring(0, 60)}) {
      try (MisbehavingShop shop = shop(n -> MisbehavingShop.answering(reply))) {
        Failure f = fails(() -> client(shop, 5_000, 10_000, 3).info());
        assertEquals(ErrorCode.SHOP_FAULT, f.error().code(), f.message());
        assertFalse(f.error().transientFailure());
        assertTrue(f.message().contains("the reply is not XML-RPC"), f.message());
        assertFalse(f.message().contains("fault 0"), f.message());
        assertEquals(1, shop.connections(), "not retried");
      }
    }
  }

  @Test
  void sqlPrepareIsRepeatedWithItsTokenAfterALostReply() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    try (MisbehavingShop shop =
        shop(
            n ->
                n <= 2
                    ? MisbehavingShop.silent(requests)
                    : MisbehavingShop.answering(SID_REPLY, requests))) {
      assertEquals(77, client(shop, 300, 10_000, 3).prepare());
      assertEquals(3, shop.connections());
      String token = tokenOf(requests.get(0));
      assertEquals(36, token.length(), requests.get(0));
      assertEquals(
          List.of(token, token, token),
          requests.stream().map(ShopClientTransportIT::tokenOf).toList());
    }
  }

  @Test
  void aShopThatPredatesTheTokenGetsThePlainPrepareNotRepeatedOnceItMayHaveOpenedASession()
      throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    try (MisbehavingShop shop =
        shop(
            n ->
                n == 1
                    ? MisbehavingShop.answeringOnce(OLD_SHOP_FAULT, requests)
                    : MisbehavingShop.silent(requests))) {
      Failure f = fails(() -> client(shop, 300, 10_000, 3).prepare());
      assertEquals(ErrorCode.SHOP_UNREACHABLE, f.error().code(), f.message());
      assertEquals(2, shop.connections(), "a lost plain sql_prepare reply leaves a session open");
      assertTrue(requests.get(0).contains("<param>"), requests.get(0));
      assertFalse(requests.get(1).contains("<param>"), requests.get(1));
    }
  }

  @Test
  void anApplyFailedFaultNamesItsRowExactlyAndShowsOnlyTheWords() throws Exception {
    String words = "APPLY_FAILED (1302): table parameter key opening hours: mon: check violated";
    String fault =
        "<?xml version=\"1.0\"?><methodResponse><fault><value><struct><member>"
            + "<name>faultCode</name><value><i4>1302</i4></value></member><member>"
            + "<name>faultString</name><value><string>"
            + words
            + "\nrejected-row: [table=parameter&amp;key=opening+hours%3A+mon]. Fix the row.</string>"
            + "</value></member>"
            + "</struct></value></fault></methodResponse>";
    try (MisbehavingShop shop = shop(n -> MisbehavingShop.answering(fault))) {
      Failure f = fails(() -> client(shop, 2_000, 10_000, 0).finish(77));
      assertEquals(
          Optional.of(new RejectedRow("parameter", "opening hours: mon", null)),
          f.error().rejectedRow());
      assertTrue(f.message().endsWith(words + ". Fix the row."), f.message());
      assertFalse(f.message().contains("rejected-row"), f.message());
    }
  }

  private static String tokenOf(String request) {
    Matcher m = Pattern.compile("<value>(?:<string>)?([A-Za-z0-9_-]+)").matcher(request);
    return m.find() ? m.group(1) : "";
  }
}
