package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.demo.RetailActions.Line;
import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.StatusReporter;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.policy.PolicySetLoader;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A shop that freezes, drips its replies or has them cut: the sync fails within the office's
 * timeouts with a network error that `office status` shows, or, for a cut reply asked again,
 * completes with nothing lost or doubled. Each test leaves the link healthy and the chain in sync.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UnresponsiveShopIT {
  // long enough for a healthy call on a busy two-core CI machine, short enough to wait for twice
  private static final int READ_MS = 3_000;
  private static final int CALL_MS = 6_000;

  /** One retry, so each failing sync makes two attempts. */
  private static final Map<String, String> IMPATIENT_OFFICE = withCallTimeout();

  /** Scheduling and the office's own database work on a busy machine. */
  private static final long MARGIN_MS = 3_000;

  private static LocalChain chain;
  private static LossyProxy proxy;

  @BeforeAll
  static void provisionAShopBehindAProxy() throws Exception {
    chain = LocalChain.start(TestDialect.POSTGRESQL, IMPATIENT_OFFICE);
    chain.addShop(1, TestDialect.POSTGRESQL);
    try (Connection office = chain.office().dataSource().getConnection()) {
      for (int i = 1; i <= 5; i++) {
        RetailActions.addProduct(office, "P-" + i, "Product " + i, new BigDecimal("1.00"));
      }
    }
    new Provisioner(chain.office()).provision(branch(), rows -> {});
    proxy = new LossyProxy(chain.shop(1).server().url());
    chain.pointBranchAt(1, proxy.url());
  }

  @AfterAll
  static void close() {
    if (proxy != null) {
      proxy.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  /** The link heals; the next run catches up and clears the recorded error. */
  @AfterEach
  void healedLinkCatchesUp() throws Exception {
    proxy.loseRepliesWhen((method, nth) -> false);
    proxy.cutRepliesWhen((method, nth) -> false, 0);
    SyncOutcome healed = sync();
    assertTrue(healed.ok(), healed.toString());
    assertNull(chain.office().states().find(1).orElseThrow().lastError());
    assertEquals(
        List.of(), new ConvergenceCheck(chain, PolicySetLoader.load("retail")).differences());
  }

  private static Branch branch() {
    return chain.office().branches().require(1);
  }

  private static SyncOutcome sync() {
    return new BranchSyncer(chain.office()).sync(branch());
  }

  private static long callsOf(String method) {
    return proxy.calls().stream().filter(method::equals).count();
  }

  private static void sell(int sales) throws Exception {
    try (Connection c = chain.shop(1).connect()) {
      long product = RetailActions.ids(c, "product").get(0);
      for (int i = 0; i < sales; i++) {
        RetailActions.sell(
            c, 1, null, List.of(new Line(product, BigDecimal.ONE, new BigDecimal("1.00"))), "cash");
      }
    }
  }

  /** What `office status` shows for the branch, without asking the shop. */
  private static String statusError() {
    return new StatusReporter(chain.office()).report(false).get(0).lastError();
  }

  @Test
  void frozenShopFailsTheSyncWithinTheReadTimeoutAndStatusSaysSo() {
    proxy.holdRepliesWhen((method, nth) -> true);
    long infoCalls = callsOf("info");
    long started = System.nanoTime();
    SyncOutcome frozen = sync();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertFalse(frozen.ok());
    assertTrue(frozen.error().contains("said nothing for " + READ_MS + " ms"), frozen.error());
    assertEquals(2, callsOf("info") - infoCalls, "one call and one retry");
    assertTrue(millis >= 2 * READ_MS && millis < 2 * READ_MS + MARGIN_MS, millis + " ms");
    assertTrue(statusError().contains("client.read.timeout.ms"), statusError());
  }

  @Test
  void drippingShopFailsTheSyncAtTheCallDeadline() {
    // a byte every 200 ms keeps the shop from ever being silent for the read timeout
    proxy.dripRepliesWhen((method, nth) -> true, 200);
    long started = System.nanoTime();
    SyncOutcome dripping = sync();
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertFalse(dripping.ok());
    assertTrue(
        dripping.error().contains("no complete reply within " + CALL_MS + " ms"), dripping.error());
    assertTrue(millis >= 2 * CALL_MS && millis < 2 * CALL_MS + MARGIN_MS, millis + " ms");
    assertTrue(statusError().contains("client.call.timeout.ms"), statusError());
  }

  @Test
  void replyCutEveryTimeFailsAsANetworkErrorNotAFault() {
    proxy.cutRepliesWhen((method, nth) -> true, 40);
    long infoCalls = callsOf("info");
    SyncOutcome cut = sync();

    assertFalse(cut.ok());
    assertTrue(cut.error().contains("reply cut after 40 of "), cut.error());
    assertFalse(cut.error().contains("fault 0"), cut.error());
    assertEquals(2, callsOf("info") - infoCalls, "retried like any network error");
    assertTrue(statusError().contains("reply cut after 40 of "), statusError());
  }

  @Test
  void diffReplyCutOnceIsAskedAgainAndNothingIsLostOrDoubled() throws Exception {
    sell(5);
    long diffs = callsOf("diff");
    proxy.cutRepliesWhen((method, nth) -> method.equals("diff") && nth == diffs + 1, 100);
    SyncOutcome outcome = sync();

    assertTrue(outcome.ok(), outcome.toString());
    assertEquals(5 * 3, outcome.pulled(), "each sale, its item and its payment once");
    try (Connection office = chain.office().dataSource().getConnection()) {
      assertEquals(5, RetailActions.ids(office, "sale").size());
    }
  }

  private static Map<String, String> withCallTimeout() {
    Map<String, String> settings = new java.util.HashMap<>(ChainNodes.impatientOffice(READ_MS));
    settings.put("client.call.timeout.ms", Integer.toString(CALL_MS));
    return Map.copyOf(settings);
  }
}
