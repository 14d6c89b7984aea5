package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The nodes of a local chain by number, as the sync sees them: 0 is the office, N is shop N. */
final class ChainNodes {
  static final int OFFICE = 0;

  private ChainNodes() {}

  static Connection connect(LocalChain chain, int node) throws SQLException {
    return node == OFFICE
        ? chain.office().dataSource().getConnection()
        : chain.shop(node).connect();
  }

  /** The office, then every shop in branch order. */
  static List<Integer> all(LocalChain chain) {
    List<Integer> nodes = new ArrayList<>();
    nodes.add(OFFICE);
    chain.shops().stream().map(ChainShop::branch).sorted().forEach(nodes::add);
    return nodes;
  }

  /**
   * Office settings for fault tests: one quick retry and short timeouts, so a dead or silent shop
   * fails a run in seconds, not the production defaults' minutes.
   *
   * @param readTimeoutMs how long the office waits on a silent shop
   */
  static Map<String, String> impatientOffice(int readTimeoutMs) {
    return Map.of(
        "client.retries",
        "1",
        "client.retry.backoff.ms",
        "50",
        "client.connect.timeout.ms",
        "2000",
        "client.read.timeout.ms",
        Integer.toString(readTimeoutMs));
  }

  static String name(int node) {
    return node == OFFICE ? "office" : "shop " + node;
  }

  /** Provisions every shop of the chain, in branch order. */
  static void provisionAll(LocalChain chain) {
    Provisioner provisioner = new Provisioner(chain.office());
    for (ChainShop shop : chain.shops()) {
      provisioner.provision(chain.office().branches().require(shop.branch()), rows -> {});
    }
  }

  /** One sync of every branch, each of which must succeed. */
  static void syncAll(LocalChain chain) {
    for (SyncOutcome o : new FleetSync(chain.office()).sync(chain.office().branches().list())) {
      assertTrue(o.ok(), o.toString());
    }
  }
}
