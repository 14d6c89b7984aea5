package io.branchsync.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Which seeds, rounds and pairings the randomized convergence suite runs, from system properties
 * given on the Maven command line: {@code branchsync.seed} replays one seed, {@code
 * branchsync.seeds} runs that many fresh seeds (a soak), {@code branchsync.rounds} and {@code
 * branchsync.pairing} narrow or lengthen a run. Without them: the fixed CI seeds.
 */
final class ConvergenceSeeds {
  static final String SEED = "branchsync.seed";
  static final String SEEDS = "branchsync.seeds";
  static final String ROUNDS = "branchsync.rounds";
  static final String PAIRING = "branchsync.pairing";

  // Fixed so that a CI failure is the same failure on every machine; few, to keep CI short.
  private static final List<Long> CI_SEEDS = List.of(1L, 2L);
  // All PostgreSQL is the control, not where dialect quirks live: one seed is enough in CI.
  private static final List<Long> CI_CONTROL_SEEDS = List.of(1L);
  private static final int CI_ROUNDS = 4;

  private ConvergenceSeeds() {}

  /** The convergence suite's runs: a pairing and a seed each. */
  static Stream<Arguments> runs() {
    return runs(CI_SEEDS, CI_CONTROL_SEEDS);
  }

  /**
   * Every pairing asked for with each of its seeds.
   *
   * @param ciSeeds the seeds of a mixed pairing when none are asked for
   * @param ciControlSeeds those of the all-PostgreSQL control (empty: not run in CI)
   */
  static Stream<Arguments> runs(List<Long> ciSeeds, List<Long> ciControlSeeds) {
    List<Arguments> runs = new ArrayList<>();
    for (ChainPairing pairing : pairings()) {
      for (long seed : seeds(pairing == ChainPairing.ALL_POSTGRESQL ? ciControlSeeds : ciSeeds)) {
        runs.add(Arguments.of(pairing, seed));
      }
    }
    return runs.stream();
  }

  /** The seed asked for, else as many fresh seeds as asked for, else {@code ciSeeds}. */
  static List<Long> seeds(List<Long> ciSeeds) {
    String one = System.getProperty(SEED, "").trim();
    if (!one.isEmpty()) {
      return List.of(Long.parseLong(one));
    }
    String count = System.getProperty(SEEDS, "").trim();
    if (count.isEmpty()) {
      return ciSeeds;
    }
    // A soak explores seeds no earlier run tried; each failure message names its seed.
    SecureRandom random = new SecureRandom();
    List<Long> seeds = new ArrayList<>();
    for (int i = Integer.parseInt(count); i > 0; i--) {
      seeds.add(random.nextLong() & 0xFFFF_FFFFL);
    }
    return seeds;
  }

  static int rounds() {
    String rounds = System.getProperty(ROUNDS, "").trim();
    return rounds.isEmpty() ? CI_ROUNDS : Integer.parseInt(rounds);
  }

  static Set<ChainPairing> pairings() {
    String name = System.getProperty(PAIRING, "").trim();
    return name.isEmpty()
        ? EnumSet.allOf(ChainPairing.class)
        : EnumSet.of(ChainPairing.valueOf(name));
  }

  /** The command that runs this seed on this pairing again, with the same number of rounds. */
  static String replayCommand(ChainPairing pairing, long seed, int rounds) {
    return replayCommand("RandomConvergenceIT", pairing, seed, rounds);
  }

  /** The command that runs this seed of {@code suite} again on this pairing. */
  static String replayCommand(String suite, ChainPairing pairing, long seed, int rounds) {
    return "mvn -B verify -pl demo -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dit.test="
        + suite
        + " -Dfailsafe.failIfNoSpecifiedTests=false"
        + " -D"
        + SEED
        + "="
        + seed
        + " -D"
        + PAIRING
        + "="
        + pairing.name()
        + " -D"
        + ROUNDS
        + "="
        + rounds;
  }
}
