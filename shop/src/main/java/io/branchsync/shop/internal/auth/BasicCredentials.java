package io.branchsync.shop.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The user and password of an HTTP {@code Authorization: Basic} header (RFC 7617, UTF-8). The
 * password is a char array so that it can be cleared after checking; {@link #toString()} never
 * shows it.
 *
 * @param user the user name
 * @param password the password; call {@link #clear()} when done
 */
public record BasicCredentials(String user, char[] password) {

  private static final String SCHEME = "basic ";
  // A header longer than this is not a credential we could have issued.
  private static final int MAX_HEADER_CHARS = 4096;

  /**
   * Reads a header value.
   *
   * @param header the {@code Authorization} header, or null
   * @return the credentials, or empty when the header is absent, not Basic or malformed
   */
  public static Optional<BasicCredentials> parse(String header) {
    if (header == null
        || header.length() > MAX_HEADER_CHARS
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.substring(SCHEME.length()).trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(decoded));
      char[] all = new char[chars.remaining()];
      chars.get(all);
      Arrays.fill(chars.array(), '\0');
      return split(all);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
  }

  private static Optional<BasicCredentials> split(char[] all) {
    int colon = -1;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      Arrays.fill(all, '\0');
      return Optional.empty();
    }
    String user = new String(all, 0, colon);
    char[] password = Arrays.copyOfRange(all, colon + 1, all.length);
    Arrays.fill(all, '\0');
    return Optional.of(new BasicCredentials(user, password));
  }

  /** Overwrites the password in memory. */
  public void clear() {
    Arrays.fill(password, '\0');
  }

  /** Shows the user only. */
  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=<masked>]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BasicCredentials that
        && user.equals(that.user)
        && Arrays.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return user.toLowerCase(Locale.ROOT).hashCode();
  }
}
