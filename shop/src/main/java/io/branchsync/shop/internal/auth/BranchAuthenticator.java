package io.branchsync.shop.internal.auth;

import io.branchsync.shop.SecretHasher;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the HTTP Basic credentials of every request, from the headers alone: the user must be
 * {@code branch-<N>} for this shop's branch number N, the password the branch secret whose slow
 * hash is in the secret file.
 *
 * <p>A successful check is remembered in memory, keyed by a SHA-256 of user and password, so that
 * only the first call after a start or a new secret pays for the slow hash. Other credentials are
 * checked on the hashing executor, whose few threads bound the processors guessing can take. Only
 * refusals are delayed: by the {@link FailureThrottle}'s delay for the address, counted from the
 * address's previous refusal ({@link GuessGate}). A remembered correct secret is thus never refused
 * nor held back because of someone else's failures, and parallel guessing is no faster than serial.
 * One not yet remembered (the first call after a start) waits its turn for a hashing thread; past
 * 32 checks under way from its address, or a full queue, it is answered 429, which the office
 * repeats after its backoff.
 */
public final class BranchAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(BranchAuthenticator.class);
  private static final int MAX_REMEMBERED = 16;

  private final String expectedUser;
  private final SecretStore store;
  private final Executor hashing;
  private final ScheduledExecutorService timer;
  private final FailureThrottle throttle = new FailureThrottle();
  private final GuessGate gate = new GuessGate();
  private final Map<ByteBuffer, Long> accepted = new ConcurrentHashMap<>();

  /**
   * Creates the authenticator of a branch.
   *
   * @param branch this shop's branch number
   * @param store the stored secret hash
   * @param hashing runs the slow hash checks; its thread count bounds the processors guesses take
   * @param timer sends delayed refusals
   */
  public BranchAuthenticator(
      int branch, SecretStore store, Executor hashing, ScheduledExecutorService timer) {
    this.expectedUser = userFor(branch);
    this.store = store;
    this.hashing = hashing;
    this.timer = timer;
  }

  /**
   * The user name a branch's office must present.
   *
   * @param branch the branch number
   * @return {@code branch-<N>}
   */
  public static String userFor(int branch) {
    return "branch-" + branch;
  }

  /**
   * Decides on a request from its {@code Authorization} header.
   *
   * @param header the header value, or null
   * @param address the client's address, whose failures delay its refusals
   * @return completes with the verdict when the answer is due: at once for missing or remembered
   *     credentials, after the slow check otherwise, and after the delay for a refusal
   */
  public CompletionStage<Verdict> authenticate(String header, String address) {
    Optional<BasicCredentials> parsed = BasicCredentials.parse(header);
    if (parsed.isEmpty()) {
      // nothing was guessed, so nothing is slowed: clients that wait for a challenge send none
      return CompletableFuture.completedFuture(Verdict.MISSING);
    }
    BasicCredentials credentials = parsed.get();
    if (!expectedUser.equals(credentials.user()) || credentials.password().length == 0) {
      credentials.clear();
      return slowRefusal(address);
    }
    byte[] fingerprint = fingerprint(credentials);
    SecretStore.Snapshot secret = store.current();
    if (remembered(fingerprint, secret)) {
      credentials.clear();
      return CompletableFuture.completedFuture(Verdict.ACCEPTED);
    }
    CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    if (!gate.enter(address)) {
      credentials.clear();
      verdict.complete(Verdict.BUSY);
      return verdict;
    }
    submit(address, verdict, () -> slowCheck(credentials, fingerprint, address, verdict));
    return verdict;
  }

  /** A wrong user name costs no hash, but is answered like a wrong secret. */
  private CompletionStage<Verdict> slowRefusal(String address) {
    CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    if (!gate.enter(address)) {
      verdict.complete(Verdict.BUSY);
    } else {
      refuse(address, verdict);
    }
    return verdict;
  }

  private void slowCheck(
      BasicCredentials credentials,
      byte[] fingerprint,
      String address,
      CompletableFuture<Verdict> verdict) {
    boolean right;
    try {
      right = verify(credentials, fingerprint);
    } catch (RuntimeException | Error e) {
      // the slot and the request must not wait for an answer that will never come
      gate.leave(address);
      verdict.completeExceptionally(e);
      return;
    } finally {
      credentials.clear();
    }
    if (right) {
      gate.leave(address);
      verdict.complete(Verdict.ACCEPTED);
    } else {
      refuse(address, verdict);
    }
  }

  private void refuse(String address, CompletableFuture<Verdict> verdict) {
    long now = System.currentTimeMillis();
    long delay = gate.refusalDueIn(address, now, throttle.failed(address, now));
    LOG.warn("Refused credentials from {}; answering in {} ms", address, delay);
    Runnable answer =
        () -> {
          gate.leave(address);
          verdict.complete(Verdict.REFUSED);
        };
    try {
      timer.schedule(answer, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // the shop is stopping: answer at once
      answer.run();
    }
  }

  private void submit(String address, CompletableFuture<Verdict> verdict, Runnable check) {
    try {
      hashing.execute(check);
    } catch (RejectedExecutionException e) {
      // the queue of checks is full, or the shop is stopping: come back later
      gate.leave(address);
      verdict.complete(Verdict.BUSY);
    }
  }

  private boolean remembered(byte[] fingerprint, SecretStore.Snapshot secret) {
    Long version = accepted.get(ByteBuffer.wrap(fingerprint));
    return version != null && version == secret.version();
  }

  private boolean verify(BasicCredentials credentials, byte[] fingerprint) {
    SecretStore.Snapshot secret = store.current();
    if (remembered(fingerprint, secret)) {
      return true;
    }
    try {
      if (!SecretHasher.verify(credentials.password(), secret.hash())) {
        return false;
      }
    } catch (IllegalArgumentException e) {
      LOG.error(
          "The secret file holds no valid hash ({}); rewrite it with 'shop set-secret'",
          e.getMessage());
      return false;
    }
    if (accepted.size() >= MAX_REMEMBERED) {
      accepted.clear();
    }
    accepted.put(ByteBuffer.wrap(fingerprint), secret.version());
    return true;
  }

  private static byte[] fingerprint(BasicCredentials credentials) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(credentials.user().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(credentials.password()));
      sha.update(bytes.duplicate());
      if (bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** What to do with a request. */
  public enum Verdict {
    /** The credentials are this branch's. */
    ACCEPTED,
    /** No usable Basic credentials were sent. */
    MISSING,
    /** Credentials were sent and are wrong. */
    REFUSED,
    /** Too many checks from this address are already waiting; nothing was checked. */
    BUSY
  }
}
