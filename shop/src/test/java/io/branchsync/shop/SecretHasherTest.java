package io.branchsync.shop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHasherTest {

  @Test
  void aHashVerifiesItsSecretAndNoOther() {
    String stored = SecretHasher.hash("the branch secret".toCharArray());

    assertTrue(SecretHasher.verify("the branch secret".toCharArray(), stored));
    assertFalse(SecretHasher.verify("the branch secreT".toCharArray(), stored));
    assertFalse(SecretHasher.verify("".toCharArray(), stored));
  }

  @Test
  void theStoredFormNamesSchemeIterationsSaltAndHashButNotTheSecret() {
    String stored = SecretHasher.hash("s3cret-value".toCharArray());

    assertTrue(
        stored.matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
    assertFalse(stored.contains("s3cret"));
  }

  @Test
  void eachHashHasItsOwnSalt() {
    assertNotEquals(
        SecretHasher.hash("same".toCharArray()), SecretHasher.hash("same".toCharArray()));
  }

  @Test
  void malformedStoredFormsAreRefused() {
    char[] secret = "x".toCharArray();
    assertThrows(IllegalArgumentException.class, () -> SecretHasher.verify(secret, "plain"));
    assertThrows(
        IllegalArgumentException.class, () -> SecretHasher.verify(secret, "md5$1$AAAA$AAAA"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SecretHasher.verify(secret, "pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA$AAAA"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SecretHasher.verify(secret, "pbkdf2-sha256$210000$!!$AAAA"));
  }
}
