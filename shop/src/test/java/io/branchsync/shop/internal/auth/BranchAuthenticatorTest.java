package io.branchsync.shop.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.shop.SecretHasher;
import io.branchsync.shop.internal.auth.BranchAuthenticator.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchAuthenticatorTest {

  @TempDir Path dir;
  private Path secretFile;
  private ExecutorService hashing;
  private ScheduledExecutorService timer;
  private BranchAuthenticator authenticator;

  @BeforeEach
  void setUp() throws Exception {
    secretFile = dir.resolve("secret");
    Files.writeString(secretFile, SecretHasher.hash("right secret".toCharArray()) + "\n");
    hashing = Executors.newFixedThreadPool(2);
    timer = Executors.newSingleThreadScheduledExecutor();
    authenticator = new BranchAuthenticator(5, new SecretStore(secretFile), hashing, timer);
  }

  @AfterEach
  void tearDown() {
    hashing.shutdownNow();
    timer.shutdownNow();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private CompletableFuture<Verdict> check(String user, String password, String address) {
    return authenticator.authenticate(basic(user, password), address).toCompletableFuture();
  }

  private static Verdict await(CompletableFuture<Verdict> verdict) throws Exception {
    return verdict.get(30, TimeUnit.SECONDS);
  }

  @Test
  void theBranchUserWithTheSecretIsAccepted() throws Exception {
    assertEquals(Verdict.ACCEPTED, await(check("branch-5", "right secret", "10.0.0.1")));
  }

  @Test
  void missingCredentialsAreAnsweredAtOnce() {
    CompletableFuture<Verdict> verdict =
        authenticator.authenticate(null, "10.0.0.1").toCompletableFuture();
    assertTrue(verdict.isDone());
    assertEquals(Verdict.MISSING, verdict.join());
  }

  @Test
  void wrongUserOrSecretIsRefusedAfterTheDelay() throws Exception {
    long started = System.nanoTime();
    assertEquals(Verdict.REFUSED, await(check("branch-5", "wrong", "10.0.0.2")));
    assertTrue(elapsedMillis(started) >= FailureThrottle.FIRST_DELAY_MILLIS);
    assertEquals(Verdict.REFUSED, await(check("branch-6", "right secret", "10.0.0.3")));
  }

  @Test
  void theRightSecretIsAcceptedFromAnAddressThatKeepsFailing() throws Exception {
    List<CompletableFuture<Verdict>> guesses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      guesses.add(check("branch-5", "guess " + i, "10.0.0.4"));
    }
    long first = System.nanoTime();
    assertEquals(Verdict.ACCEPTED, await(check("branch-5", "right secret", "10.0.0.4")));
    assertTrue(elapsedMillis(first) < 1_000, "the right secret waits for no refusal");
    for (CompletableFuture<Verdict> guess : guesses) {
      assertEquals(Verdict.REFUSED, await(guess));
    }
    long started = System.nanoTime();
    assertEquals(Verdict.ACCEPTED, await(check("branch-5", "right secret", "10.0.0.4")));
    assertTrue(elapsedMillis(started) < 100, "a remembered secret waits for nobody");
  }

  @Test
  void parallelGuessesFromOneAddressAreAnsweredOneAfterAnother() throws Exception {
    long started = System.nanoTime();
    List<CompletableFuture<Verdict>> guesses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      guesses.add(check("branch-5", "guess " + i, "10.0.0.5"));
    }
    for (CompletableFuture<Verdict> guess : guesses) {
      assertEquals(Verdict.REFUSED, await(guess));
    }
    // 250 + 500 + 1000 ms, as if sent one after another
    assertTrue(elapsedMillis(started) >= 1750, "took " + elapsedMillis(started) + " ms");
  }

  @Test
  void tooManyChecksInFlightFromOneAddressAreTurnedAwayUnchecked() throws Exception {
    List<CompletableFuture<Verdict>> guesses = new ArrayList<>();
    for (int i = 0; i <= GuessGate.MAX_IN_FLIGHT; i++) {
      guesses.add(check("branch-6", "guess", "10.0.0.6"));
    }
    CompletableFuture<Verdict> over = check("branch-6", "guess", "10.0.0.6");
    assertTrue(over.isDone());
    assertEquals(Verdict.BUSY, over.join());
    assertEquals(
        Verdict.ACCEPTED,
        await(check("branch-5", "right secret", "10.0.0.7")),
        "other addresses are not held back");
  }

  @Test
  void delaysDoubleUpToTheCapAndASuccessDoesNotResetThem() {
    FailureThrottle throttle = new FailureThrottle();
    long now = 1_000_000;
    assertEquals(250, throttle.failed("a", now));
    assertEquals(500, throttle.failed("a", now));
    assertEquals(1000, throttle.failed("a", now));
    for (int i = 0; i < 40; i++) {
      throttle.failed("a", now);
    }
    assertEquals(FailureThrottle.MAX_DELAY_MILLIS, throttle.failed("a", now));
    assertEquals(
        FailureThrottle.FIRST_DELAY_MILLIS,
        throttle.failed("a", now + FailureThrottle.FORGET_AFTER_MILLIS + 1),
        "forgotten after a quiet while");
  }

  @Test
  void aRememberedSuccessSkipsTheSlowHash() throws Exception {
    long first = System.nanoTime();
    await(check("branch-5", "right secret", "x"));
    first = System.nanoTime() - first;
    long again = System.nanoTime();
    await(check("branch-5", "right secret", "x"));
    again = System.nanoTime() - again;
    assertTrue(again * 5 < first, "first " + first + " ns, again " + again + " ns");
  }

  @Test
  void aNewSecretFileTakesEffectWithoutRestart() throws Exception {
    assertEquals(Verdict.ACCEPTED, await(check("branch-5", "right secret", "y")));

    Files.writeString(secretFile, SecretHasher.hash("new secret".toCharArray()) + "\n");
    Files.setLastModifiedTime(secretFile, FileTime.from(Instant.now().plusSeconds(5)));

    assertEquals(
        Verdict.REFUSED,
        await(check("branch-5", "right secret", "y")),
        "the remembered success of the old secret is forgotten");
    assertEquals(Verdict.ACCEPTED, await(check("branch-5", "new secret", "y")));
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
