package io.branchsync.demo;

import static org.junit.jupiter.api.Assertions.fail;

import io.branchsync.office.sync.BranchSyncer;
import io.branchsync.office.sync.FleetSync;
import io.branchsync.office.sync.SyncOutcome;
import io.branchsync.schema.policy.PolicySetLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The randomized chain of {@link RandomConvergenceIT} with a faulty link in front of every shop.
 * Each round, every branch's first sync of the round meets a fault drawn from the seed (a reply
 * lost, cut or held past the timeout, the shop stopping, the office process killed, at a chosen
 * call) while a till sells at that shop; then the link heals, and the next two syncs (two cron
 * ticks) must succeed with nothing to do by hand. After every round: every sale of the ledger at
 * the office exactly once, every customer present, every copy equal by policy, no till error.
 *
 * <p>Seeds as for the convergence suite ({@link ConvergenceSeeds}): without properties, one fixed
 * seed per mixed pairing; {@code -Dbranchsync.seeds=N} is the soak (docs/operations.md).
 */
class RandomFaultsIT {
  private static final String SUITE = "RandomFaultsIT";
  private static final List<Long> CI_SEEDS = List.of(11L);

  /** Few quick retries and a short read timeout, so a held reply costs seconds, not minutes. */
  private static final Map<String, String> OFFICE = ChainNodes.impatientOffice(4_000);

  static Stream<Arguments> runs() {
    // the faults are the same whatever the pairing: CI spends its time on the mixed ones
    return ConvergenceSeeds.runs(CI_SEEDS, List.of());
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void everyFaultHealsByItselfAndNothingIsLostOrDoubled(ChainPairing pairing, long seed)
      throws Exception {
    int rounds = ConvergenceSeeds.rounds();
    List<LossyProxy> links = new ArrayList<>();
    try (LocalChain chain = LocalChain.start(pairing.office(), OFFICE)) {
      for (int branch = 1; branch <= pairing.shops().size(); branch++) {
        ChainShop shop = chain.addShop(branch, pairing.shops().get(branch - 1));
        LossyProxy link = new LossyProxy(shop.server().url());
        links.add(link);
        chain.pointBranchAt(branch, link.url());
      }
      Path officeConfig = chain.writeOfficeConfig(OFFICE);
      ChainLedger ledger = new ChainLedger();
      RetailWorkload workload = new RetailWorkload(chain, ledger, seed);
      workload.stockOffice();
      ChainNodes.provisionAll(chain);
      ConvergenceCheck convergence = new ConvergenceCheck(chain, PolicySetLoader.load("retail"));
      Random faults = new Random(seed * 31 + 7);
      List<String> seen = new ArrayList<>();
      List<Long> tillLatencies = new ArrayList<>();
      int strikes = 0;
      for (int round = 1; round <= rounds; round++) {
        List<Long> sellable = workload.playRound(round);
        List<String> problems = new ArrayList<>();
        for (ChainShop shop : chain.shops()) {
          LinkFault fault = LinkFault.draw(faults);
          LossyProxy link = links.get(shop.branch() - 1);
          link.heal(); // counts this run's calls from the first: the healthy runs went through too
          int struckBefore = link.struck();
          try (BusyTill till = new BusyTill(shop, sellable, seed + round * 100L + shop.branch())) {
            faultySync(chain, officeConfig, shop, link, fault, round);
            till.close();
            till.sales().forEach(ledger::sold);
            tillLatencies.addAll(till.latenciesMs());
            problems.addAll(till.errors());
          } finally {
            boolean struck = link.struck() > struckBefore;
            strikes += struck ? 1 : 0;
            seen.add(
                "round "
                    + round
                    + " shop "
                    + shop.branch()
                    + ": "
                    + fault
                    + (struck || fault.kind() == LinkFault.Kind.NONE ? "" : " (never reached)"));
            link.heal();
            if (shop.server() == null) {
              shop.start(); // the shop's operator (or its service manager) starts it again
              link.retarget(shop.server().url());
            }
          }
        }
        FleetSync fleet = new FleetSync(chain.office());
        for (int tick = 1; tick <= 2; tick++) {
          for (SyncOutcome outcome : fleet.sync(chain.office().branches().list())) {
            if (!outcome.ok()) {
              problems.add(
                  "healthy sync "
                      + tick
                      + " of branch "
                      + outcome.branchId()
                      + " after the faults failed: "
                      + outcome.error());
            }
          }
        }
        problems.addAll(new LedgerAudit(chain, ledger).problems());
        problems.addAll(convergence.differences());
        if (!problems.isEmpty()) {
          fail(report(pairing, seed, rounds, round, seen, problems));
        }
      }
      System.out.printf(
          "%s seed %d on %s: %d rounds, %d faults struck, all healed: %s; %s;"
              + " till sales during the faulty syncs: %d, p99 %d ms%n",
          SUITE,
          seed,
          pairing.describe(),
          rounds,
          strikes,
          seen,
          ledger.summary(),
          tillLatencies.size(),
          p99(tillLatencies));
    } finally {
      links.forEach(LossyProxy::close);
    }
  }

  /** One sync of one branch through its faulty link, in this JVM or in an office process. */
  private static void faultySync(
      LocalChain chain,
      Path officeConfig,
      ChainShop shop,
      LossyProxy link,
      LinkFault fault,
      int round)
      throws Exception {
    if (fault.killsTheOffice()) {
      AtomicReference<OfficeProcess> office = new AtomicReference<>();
      fault.arm(link, () -> office.get().kill());
      Path log = chain.workDir().resolve("office-r" + round + "-b" + shop.branch() + ".log");
      office.set(
          OfficeProcess.start(chain, officeConfig, log, "sync", Integer.toString(shop.branch())));
      office.get().await(180);
      return;
    }
    fault.arm(link, shop::stop);
    // a failed run is what a fault may cause; only the healthy runs after it must succeed
    new BranchSyncer(chain.office()).sync(chain.office().branches().require(shop.branch()));
  }

  private static long p99(List<Long> latencies) {
    if (latencies.isEmpty()) {
      return 0;
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
  }

  private static String report(
      ChainPairing pairing,
      long seed,
      int rounds,
      int round,
      List<String> faults,
      List<String> problems) {
    StringBuilder text =
        new StringBuilder(
            "seed "
                + seed
                + " on "
                + pairing.describe()
                + ", round "
                + round
                + " of "
                + rounds
                + ": "
                + problems.size()
                + " problem(s)");
    problems.stream().limit(15).forEach(p -> text.append("\n  - ").append(p));
    text.append("\nfaults so far:");
    faults.forEach(f -> text.append("\n  - ").append(f));
    return text.append("\nreplay: ")
        .append(ConvergenceSeeds.replayCommand(SUITE, pairing, seed, rounds))
        .toString();
  }
}
