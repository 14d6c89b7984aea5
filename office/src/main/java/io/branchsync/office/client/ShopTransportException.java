package io.branchsync.office.client;

import org.apache.xmlrpc.XmlRpcException;

/**
 * The HTTP exchange with a shop broke: no connection, silence, no complete reply in time, or a
 * reply cut short. Raised inside the XML-RPC transport so that it reaches {@link ShopClient} as
 * what it is, never as a parse fault of a half-read reply.
 */
final class ShopTransportException extends XmlRpcException {
  private static final long serialVersionUID = 1L;

  /** How far the exchange got before it broke. */
  enum Stage {
    /** No connection: the shop cannot have seen the request. */
    NOT_CONNECTED,
    /** Connected; the shop may have received and even carried out the request. */
    AWAITING_REPLY,
    /** The reply had begun: the shop carried out the request. */
    MID_REPLY
  }

  private final Stage stage;

  ShopTransportException(String message, Stage stage, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  Stage stage() {
    return stage;
  }
}
