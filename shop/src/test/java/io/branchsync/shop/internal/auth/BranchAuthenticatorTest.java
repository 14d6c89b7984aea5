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
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchAuthenticatorTest {

  @TempDir Path dir;
  private Path secretFile;
  private BranchAuthenticator authenticator;

  @BeforeEach
  void setUp() throws Exception {
    secretFile = dir.resolve("secret");
    Files.writeString(secretFile, SecretHasher.hash("right secret".toCharArray()) + "\n");
    authenticator = new BranchAuthenticator(5, new SecretStore(secretFile));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theBranchUserWithTheSecretIsAccepted() {
    assertEquals(
        Verdict.ACCEPTED,
        authenticator.check(basic("branch-5", "right secret"), "10.0.0.1").verdict());
  }

  @Test
  void missingCredentialsAreNotSlowed() {
    BranchAuthenticator.Outcome outcome = authenticator.check(null, "10.0.0.1");
    assertEquals(Verdict.MISSING, outcome.verdict());
    assertEquals(0, outcome.delayMillis());
  }

  @Test
  void wrongUserOrSecretIsRefusedWithGrowingDelays() {
    BranchAuthenticator.Outcome first = authenticator.check(basic("branch-5", "wrong"), "10.0.0.2");
    BranchAuthenticator.Outcome held =
        authenticator.check(basic("branch-5", "right secret"), "10.0.0.2");
    BranchAuthenticator.Outcome wrongUser =
        authenticator.check(basic("branch-6", "right secret"), "10.0.0.3");

    assertEquals(Verdict.REFUSED, first.verdict());
    assertEquals(FailureThrottle.FIRST_DELAY_MILLIS, first.delayMillis());
    assertEquals(
        Verdict.REFUSED, held.verdict(), "while held back, even the right secret is not checked");
    assertEquals(Verdict.REFUSED, wrongUser.verdict());
    assertEquals(
        Verdict.ACCEPTED,
        authenticator.check(basic("branch-5", "right secret"), "10.0.0.4").verdict(),
        "other addresses are not held back");
  }

  @Test
  void delaysDoubleUpToTheCap() {
    FailureThrottle throttle = new FailureThrottle();
    long now = 1_000_000;
    assertEquals(250, throttle.failed("a", now));
    assertEquals(500, throttle.failed("a", now));
    assertEquals(1000, throttle.failed("a", now));
    for (int i = 0; i < 40; i++) {
      throttle.failed("a", now);
    }
    assertEquals(FailureThrottle.MAX_DELAY_MILLIS, throttle.failed("a", now));
    assertEquals(FailureThrottle.MAX_DELAY_MILLIS, throttle.heldBackFor("a", now));
    throttle.succeeded("a");
    assertEquals(0, throttle.heldBackFor("a", now));
  }

  @Test
  void aRememberedSuccessSkipsTheSlowHash() {
    long first = timed(() -> authenticator.check(basic("branch-5", "right secret"), "x"));
    long again = timed(() -> authenticator.check(basic("branch-5", "right secret"), "x"));
    assertTrue(again * 5 < first, "first " + first + " ns, again " + again + " ns");
  }

  @Test
  void aNewSecretFileTakesEffectWithoutRestart() throws Exception {
    assertEquals(
        Verdict.ACCEPTED, authenticator.check(basic("branch-5", "right secret"), "y").verdict());

    Files.writeString(secretFile, SecretHasher.hash("new secret".toCharArray()) + "\n");
    Files.setLastModifiedTime(secretFile, FileTime.from(Instant.now().plusSeconds(5)));

    assertEquals(
        Verdict.REFUSED,
        authenticator.check(basic("branch-5", "right secret"), "y").verdict(),
        "the remembered success of the old secret is forgotten");
    Thread.sleep(FailureThrottle.FIRST_DELAY_MILLIS + 50);
    assertEquals(
        Verdict.ACCEPTED, authenticator.check(basic("branch-5", "new secret"), "y").verdict());
  }

  private static long timed(Runnable action) {
    long started = System.nanoTime();
    action.run();
    return System.nanoTime() - started;
  }
}
