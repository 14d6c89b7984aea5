package io.branchsync.protocol;

import java.util.Objects;

/**
 * A breach of the wire contract or a refusal the contract defines, with its {@link FaultCode}.
 *
 * <p>Unchecked, because callers either turn it into an XML-RPC fault at the shop's edge or report
 * it for a branch at the office; nothing in between can repair it. The {@link #detail()} names the
 * field, statement or value at fault, such as {@code "info.dialect: must be 'postgresql' or
 * 'mysql', got 'oracle'"}; it never holds credentials.
 */
public class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, in the contract's terms. */
  private final FaultCode code;

  /** Which field, statement or value was at fault. */
  private final String detail;

  /**
   * Creates an exception.
   *
   * @param code what went wrong, in the contract's terms
   * @param detail which field, statement or value was at fault
   */
  public ProtocolException(FaultCode code, String detail) {
    this(code, detail, null);
  }

  /**
   * Creates an exception caused by another one.
   *
   * @param code what went wrong, in the contract's terms
   * @param detail which field, statement or value was at fault
   * @param cause the underlying failure, or null
   */
  public ProtocolException(FaultCode code, String detail, Throwable cause) {
    super(messageOf(code, detail), cause);
    this.code = code;
    this.detail = detail;
  }

  /**
   * The fault code.
   *
   * @return the code, never null
   */
  public FaultCode code() {
    return code;
  }

  /**
   * What exactly was at fault, naming the field or statement.
   *
   * @return the detail, never null
   */
  public String detail() {
    return detail;
  }

  private static String messageOf(FaultCode code, String detail) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
    return code.name() + " (" + code.code() + "): " + detail + ". " + code.defaultMessage();
  }
}
