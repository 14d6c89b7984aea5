package io.branchsync.shop;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes a branch secret slowly, so that a stolen secret file does not give the secret away, and
 * checks a presented secret against such a hash.
 *
 * <p>The format is {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}: PBKDF2 with
 * HMAC-SHA-256 from the JDK, {@value #ITERATIONS} iterations (OWASP's 2023 figure), a 16-byte
 * random salt and a 32-byte hash. The iteration count is stored, so it can be raised later without
 * invalidating older files. Comparison takes the same time however many bytes match.
 */
public final class SecretHasher {

  /** Iterations used for new hashes. */
  public static final int ITERATIONS = 210_000;

  private static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  // Bounds on a stored count: below is too weak to accept, above would stall every login.
  private static final int MIN_ITERATIONS = 10_000;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretHasher() {}

  /**
   * Hashes a secret with a new random salt.
   *
   * @param secret the secret; the caller should clear the array afterwards
   * @return the stored form, {@code pbkdf2-sha256$210000$...$...}
   */
  public static String hash(char[] secret) {
    Objects.requireNonNull(secret, "secret");
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(secret, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /**
   * Checks a secret against a stored hash. Takes as long as one derivation, about a tenth of a
   * second: callers cache successes, never failures.
   *
   * @param secret the presented secret
   * @param stored a hash made by {@link #hash(char[])}
   * @return whether the secret matches
   * @throws IllegalArgumentException if {@code stored} is not in the documented format
   */
  public static boolean verify(char[] secret, String stored) {
    Objects.requireNonNull(secret, "secret");
    String[] parts = Objects.requireNonNull(stored, "stored").trim().split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "not a " + SCHEME + " hash; expected " + SCHEME + "$<iterations>$<salt>$<hash>");
    }
    int iterations;
    byte[] salt;
    byte[] expected;
    try {
      iterations = Integer.parseInt(parts[1]);
      salt = Base64.getDecoder().decode(parts[2]);
      expected = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed " + SCHEME + " hash: " + e.getMessage(), e);
    }
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "iteration count " + iterations + " outside " + MIN_ITERATIONS + ".." + MAX_ITERATIONS);
    }
    if (salt.length < 8 || expected.length != HASH_BITS / 8) {
      throw new IllegalArgumentException(
          "salt or hash of " + SCHEME + " hash has the wrong length");
    }
    return MessageDigest.isEqual(derive(secret, salt, iterations), expected);
  }

  private static byte[] derive(char[] secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }
}
