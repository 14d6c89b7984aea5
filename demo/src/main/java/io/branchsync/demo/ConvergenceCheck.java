package io.branchsync.demo;

import io.branchsync.schema.compare.TableSnapshot;
import io.branchsync.schema.dialect.Dialect;
import io.branchsync.schema.idrange.IdRange;
import io.branchsync.schema.policy.Policy;
import io.branchsync.schema.policy.PolicySet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares every synced table across the office and the shops, per policy: tables that flow to
 * shops must be equal everywhere; rows shops create must be at the office exactly as at the shop
 * that owns their ID range.
 */
public final class ConvergenceCheck {
  private final LocalChain chain;
  private final PolicySet policies;

  public ConvergenceCheck(LocalChain chain, PolicySet policies) {
    this.chain = chain;
    this.policies = policies;
  }

  /** One line per difference; empty when every copy agrees. */
  public List<String> differences() throws SQLException {
    List<String> differences = new ArrayList<>();
    Dialect officeDialect = chain.office().dialect();
    try (Connection office = chain.office().dataSource().getConnection()) {
      for (Map.Entry<String, Policy> entry : policies.policies().entrySet()) {
        String table = entry.getKey();
        for (ChainShop shop : chain.shops()) {
          try (Connection c = shop.connect()) {
            IdRange range =
                entry.getValue() == Policy.FromTarget
                    ? chain.office().branches().require(shop.branch()).idRange()
                    : null;
            TableSnapshot atOffice = TableSnapshot.read(office, officeDialect, table, range);
            TableSnapshot atShop = TableSnapshot.read(c, shop.dialect(), table, range);
            String difference = atOffice.differenceFrom(atShop);
            if (difference != null) {
              differences.add("office vs shop " + shop.branch() + ": " + difference);
            }
          }
        }
      }
    }
    return differences;
  }
}
