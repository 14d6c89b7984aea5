package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.fail;

import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.policy.PolicySetLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized rounds of trading at an office and three shops, each round followed by two syncs of
 * every branch (as two cron ticks would run them), then held to the ledger of what every node
 * committed and to per-policy equality of every copy. Seeds, rounds and pairings come from {@link
 * ConvergenceSeeds}; a failure names its seed, pairing, round and the command to replay it.
 */
class RandomConvergenceIT {
  private static final int MAX_PROBLEMS_SHOWN = 15;

  static Stream<Arguments> runs() {
    return ConvergenceSeeds.runs();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void everyCommittedRowReachesEveryNodeAndNoCustomerIsLost(ChainPairing pairing, long seed)
      throws Exception {
    Run run = new Run(pairing, seed, ConvergenceSeeds.rounds());
    try (LocalChain chain = LocalChain.start(pairing.office())) {
      for (int branch = 1; branch <= pairing.shops().size(); branch++) {
        chain.addShop(branch, pairing.shops().get(branch - 1));
      }
      ChainLedger ledger = new ChainLedger();
      RetailWorkload workload = new RetailWorkload(chain, ledger, seed);
      workload.stockOffice();
      ChainNodes.provisionAll(chain);
      ConvergenceCheck convergence = new ConvergenceCheck(chain, PolicySetLoader.load("retail"));
      run.check(chain, ledger, convergence, List.of(), 0);
      FleetSync fleet = new FleetSync(chain.office());
      for (int round = 1; round <= run.rounds(); round++) {
        workload.playRound(round);
        List<String> failedSyncs = new ArrayList<>();
        for (int tick = 1; tick <= 2; tick++) {
          for (SyncOutcome outcome : fleet.sync(chain.office().branches().list())) {
            if (!outcome.ok()) {
              failedSyncs.add(
                  "sync "
                      + tick
                      + " of branch "
                      + outcome.branchId()
                      + " failed: "
                      + outcome.error());
            }
          }
        }
        run.check(chain, ledger, convergence, failedSyncs, round);
      }
      System.out.println(
          "seed "
              + seed
              + " on "
              + pairing.describe()
              + ": "
              + run.rounds()
              + " rounds converged; "
              + ledger.summary());
    }
  }

  /** One seed on one pairing: what a failure report names. */
  private record Run(ChainPairing pairing, long seed, int rounds) {

    void check(
        LocalChain chain,
        ChainLedger ledger,
        ConvergenceCheck convergence,
        List<String> failedSyncs,
        int round)
        throws Exception {
      // Failed syncs first (they explain what follows), then the ledger: a lost customer says
      // more than the table difference it causes.
      List<String> problems = new ArrayList<>(failedSyncs);
      problems.addAll(new LedgerAudit(chain, ledger).problems());
      problems.addAll(convergence.differences());
      if (!problems.isEmpty()) {
        fail(report(round, problems));
      }
    }

    private String report(int round, List<String> problems) {
      StringBuilder text =
          new StringBuilder(
              "seed "
                  + seed
                  + " on "
                  + pairing.describe()
                  + (round == 0 ? ", after provisioning" : ", round " + round + " of " + rounds)
                  + ": "
                  + problems.size()
                  + " problem(s)");
      problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> text.append("\n  - ").append(p));
      if (problems.size() > MAX_PROBLEMS_SHOWN) {
        text.append("\n  - ... and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more");
      }
      return text.append("\nreplay: ")
          .append(ConvergenceSeeds.replayCommand(pairing, seed, rounds))
          .toString();
    }
  }
}
