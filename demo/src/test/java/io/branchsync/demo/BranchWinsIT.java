package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.office.registry.Conflict;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.Provisioner;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The conflict rule is the policy set's: with branch-wins the shop's edit reaches everyone. */
class BranchWinsIT {

  @ParameterizedTest(name = "shops on {0}")
  @EnumSource(TestDialect.class)
  void shopVersionWinsAndFlowsOnToTheOtherShop(TestDialect dialect, @TempDir Path dir)
      throws Exception {
    Path policy = dir.resolve("shop-first.policy");
    Files.writeString(
        policy,
        "@conflict = branch-wins\nparameter = Initial\nproduct = FromSource\n"
            + "service = FromSource\nperson = Both\nsale = FromTarget\nsale_item = FromTarget\n"
            + "payment = FromTarget\n");
    try (LocalChain chain = LocalChain.start(TestDialect.POSTGRESQL)) {
      chain.addShop(1, dialect);
      chain.addShop(2, dialect);
      long ana;
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.addProduct(office, "P-1", "Coffee", new BigDecimal("2.50"));
        ana = RetailActions.addPerson(office, "Ana", "ana@example.com");
        try (PreparedStatement s =
            office.prepareStatement("UPDATE sync_branch SET policy_set = ?")) {
          s.setString(1, policy.toString());
          s.executeUpdate();
        }
      }
      Provisioner provisioner = new Provisioner(chain.office());
      for (int branch = 1; branch <= 2; branch++) {
        provisioner.provision(chain.office().branches().require(branch), rows -> {});
      }
      try (Connection office = chain.office().dataSource().getConnection()) {
        RetailActions.editPerson(office, ana, "ana@office.example");
      }
      try (Connection shop = chain.shop(1).connect()) {
        RetailActions.editPerson(shop, ana, "ana@shop1.example");
      }
      FleetSync fleet = new FleetSync(chain.office());
      for (int run = 0; run < 2; run++) {
        for (SyncOutcome o : fleet.sync(chain.office().branches().list())) {
          assertTrue(o.ok(), o.toString());
        }
      }
      for (ChainShop shop : chain.shops()) {
        try (Connection c = shop.connect()) {
          assertEquals("ana@shop1.example", ChainEndToEndIT.email(c, ana), "shop " + shop.branch());
        }
      }
      try (Connection office = chain.office().dataSource().getConnection()) {
        assertEquals("ana@shop1.example", ChainEndToEndIT.email(office, ana));
      }
      List<Conflict> conflicts = chain.office().conflicts().list(10);
      assertEquals(1, conflicts.size());
      assertEquals("branch-wins", conflicts.get(0).resolution());
    }
  }
}
