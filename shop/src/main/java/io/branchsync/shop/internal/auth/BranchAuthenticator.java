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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the HTTP Basic credentials of every request: the user must be {@code branch-<N>} for this
 * shop's branch number N, the password the branch secret whose slow hash is in the secret file.
 *
 * <p>A successful check is remembered in memory, keyed by a SHA-256 of user and password, so that
 * only the first call of a sync pays for the slow hash; the memory is forgotten when the secret
 * file changes. Failures are never remembered: each one is checked again, and slowed by a {@link
 * FailureThrottle}. At most {@value #PARALLEL_CHECKS} slow checks run at once, so a flood of
 * guesses cannot take every processor.
 */
public final class BranchAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(BranchAuthenticator.class);
  private static final int PARALLEL_CHECKS = 2;
  private static final int MAX_REMEMBERED = 16;

  private final String expectedUser;
  private final SecretStore store;
  private final FailureThrottle throttle = new FailureThrottle();
  private final Semaphore checks = new Semaphore(PARALLEL_CHECKS, true);
  private final Map<ByteBuffer, Long> accepted = new ConcurrentHashMap<>();

  /**
   * Creates the authenticator of a branch.
   *
   * @param branch this shop's branch number
   * @param store the stored secret hash
   */
  public BranchAuthenticator(int branch, SecretStore store) {
    this.expectedUser = userFor(branch);
    this.store = store;
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
   * Checks the {@code Authorization} header of a request.
   *
   * @param header the header value, or null
   * @param address the client's address, for slowing repeated failures
   * @return whether to let the request in, and how long to delay a refusal
   */
  public Outcome check(String header, String address) {
    Optional<BasicCredentials> parsed = BasicCredentials.parse(header);
    if (parsed.isEmpty()) {
      // nothing was guessed, so nothing is slowed: clients that wait for a challenge send none
      return new Outcome(Verdict.MISSING, 0);
    }
    BasicCredentials credentials = parsed.get();
    try {
      long held = throttle.heldBackFor(address, System.currentTimeMillis());
      if (held > 0) {
        return new Outcome(Verdict.REFUSED, held);
      }
      if (verify(credentials)) {
        throttle.succeeded(address);
        return new Outcome(Verdict.ACCEPTED, 0);
      }
      long delay = throttle.failed(address, System.currentTimeMillis());
      LOG.warn(
          "Refused credentials of user '{}' from {}; answering in {} ms",
          printable(credentials.user()),
          address,
          delay);
      return new Outcome(Verdict.REFUSED, delay);
    } finally {
      credentials.clear();
    }
  }

  private boolean verify(BasicCredentials credentials) {
    if (!expectedUser.equals(credentials.user()) || credentials.password().length == 0) {
      return false;
    }
    SecretStore.Snapshot secret = store.current();
    ByteBuffer key = ByteBuffer.wrap(fingerprint(credentials));
    Long version = accepted.get(key);
    if (version != null && version == secret.version()) {
      return true;
    }
    checks.acquireUninterruptibly();
    try {
      if (!SecretHasher.verify(credentials.password(), secret.hash())) {
        return false;
      }
    } catch (IllegalArgumentException e) {
      LOG.error(
          "The secret file holds no valid hash ({}); rewrite it with 'shop set-secret'",
          e.getMessage());
      return false;
    } finally {
      checks.release();
    }
    if (accepted.size() >= MAX_REMEMBERED) {
      accepted.clear();
    }
    accepted.put(key, secret.version());
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

  /** A user name fit for a log line: it comes from the network, so no control characters. */
  private static String printable(String user) {
    String clean = user.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
  }

  /** What to do with a request. */
  public enum Verdict {
    /** The credentials are this branch's. */
    ACCEPTED,
    /** No usable Basic credentials were sent. */
    MISSING,
    /** Credentials were sent and are wrong, or the client is held back after failures. */
    REFUSED
  }

  /**
   * The result of a check.
   *
   * @param verdict whether to let the request in
   * @param delayMillis how long to wait before answering a refusal
   */
  public record Outcome(Verdict verdict, long delayMillis) {}
}
