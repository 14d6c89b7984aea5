package io.branchsync.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which seeds, rounds and pairings the randomized convergence suite runs, from system properties
 * given on the Maven command line: {@code branchsync.seed} replays one seed,
 * {@code branchsync.seeds} runs that many fresh seeds (a soak), {@code branchsync.rounds} and
 * {@code branchsync.pairing} narrow or lengthen a run. Without them: the fixed CI seeds.
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

  static List<Long> seeds(ChainPairing pairing) {
    String one = System.getProperty(SEED, "").trim();
    if (!one.isEmpty()) {
      return List.of(Long.parseLong(one));
    }
    String count = System.getProperty(SEEDS, "").trim();
    if (count.isEmpty()) {
      return pairing == ChainPairing.ALL_POSTGRESQL ? CI_CONTROL_SEEDS : CI_SEEDS;
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
    return name.isEmpty() ? EnumSet.allOf(ChainPairing.class)
        : EnumSet.of(ChainPairing.valueOf(name));
  }

  /** The command that runs this seed on this pairing again, with the same number of rounds. */
  static String replayCommand(ChainPairing pairing, long seed, int rounds) {
    return "mvn -B verify -pl demo -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dit.test=RandomConvergenceIT -Dfailsafe.failIfNoSpecifiedTests=false"
        + " -D" + SEED + "=" + seed + " -D" + PAIRING + "=" + pairing.name()
        + " -D" + ROUNDS + "=" + rounds;
  }
}
