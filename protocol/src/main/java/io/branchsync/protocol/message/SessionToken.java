package io.branchsync.protocol.message;

import static io.branchsync.protocol.message.WireFields.invalid;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The optional argument of {@code sql_prepare}: a name the office makes up for one session it means
 * to open, so that the call can be repeated after a lost reply.
 *
 * <p>Wire shape: one string of {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters out of
 * {@code A-Z a-z 0-9 - _} (a random UUID fits). A shop answers a repeated token with the session it
 * already opened for it, and takes a new token as the start of a new office run: sessions opened
 * with other tokens are left over from a run that died, and are rolled back. Calls without a token
 * open a new session every time and are never rolled back that way.
 *
 * @param value the token
 */
public record SessionToken(String value) {

  /** Fewest characters: short tokens could repeat by chance across office runs. */
  public static final int MIN_LENGTH = 16;

  /** Most characters: a token is kept in memory for every recently closed session. */
  public static final int MAX_LENGTH = 64;

  private static final String FIELD = "token";
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+");

  /**
   * Checks the shape. Messages start with the wire field name, so that {@code fromWire} can report
   * them as they are.
   *
   * @param value the token
   * @throws IllegalArgumentException naming the wire field of an invalid value
   */
  public SessionToken {
    if (value == null) {
      throw invalid(FIELD, "must not be null");
    }
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw invalid(
          FIELD,
          "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters, got " + value.length());
    }
    if (!SHAPE.matcher(value).matches()) {
      throw invalid(FIELD, "may hold only A-Z, a-z, 0-9, '-' and '_'");
    }
  }

  /**
   * A new random token, for one {@code sql_prepare} and its repeats.
   *
   * @return a token no other run will make
   */
  public static SessionToken random() {
    return new SessionToken(UUID.randomUUID().toString());
  }

  /**
   * The value to pass as the argument of {@code sql_prepare}.
   *
   * @return the token string
   */
  public String toWire() {
    return value;
  }

  /**
   * Reads the argument of {@code sql_prepare} as received by the shop.
   *
   * @param wire the value the XML-RPC server passed
   * @return the token
   * @throws ProtocolException {@link FaultCode#BAD_ARGUMENT} naming {@code sql_prepare.token}
   */
  public static SessionToken fromWire(Object wire) {
    if (!(wire instanceof String token)) {
      throw new ProtocolException(
          FaultCode.BAD_ARGUMENT,
          "sql_prepare." + FIELD + ": must be string, got " + WireFields.typeOf(wire));
    }
    return WireFields.build("sql_prepare", FaultCode.BAD_ARGUMENT, () -> new SessionToken(token));
  }

  /** The token itself is not secret, but logs carry only its start: enough to match two lines. */
  @Override
  public String toString() {
    return value.substring(0, 8) + "…";
  }
}
