package io.branchsync.protocol;

/**
 * The version of the wire contract that this build speaks.
 *
 * <p>The shop reports its version in the {@code protocol} field of {@code info}; the office
 * compares it with {@link #CURRENT} before any other call, because a shop of another version may
 * parse chunks or cursors differently and the damage would only show later as wrong data. The
 * number changes only when a method, an argument, a result field or the chunk format changes in a
 * way an older peer cannot ignore; adding an optional result field does not change it.
 */
public final class ProtocolVersion {

  /** The protocol version this build speaks. */
  public static final int CURRENT = 1;

  private ProtocolVersion() {}

  /**
   * Tells whether a peer speaking {@code peerVersion} can be talked to.
   *
   * @param peerVersion the version the peer reported
   * @return true if this build can exchange calls with that peer
   */
  public static boolean isCompatible(int peerVersion) {
    // Only one version exists so far; an exact match is the only safe answer.
    return peerVersion == CURRENT;
  }

  /**
   * Fails unless a peer speaking {@code peerVersion} can be talked to.
   *
   * @param peerVersion the version the peer reported
   * @throws ProtocolException with {@link FaultCode#PROTOCOL_MISMATCH} naming both versions
   */
  public static void requireCompatible(int peerVersion) {
    if (!isCompatible(peerVersion)) {
      throw new ProtocolException(
          FaultCode.PROTOCOL_MISMATCH,
          "protocol: peer speaks version " + peerVersion + ", this side speaks " + CURRENT);
    }
  }
}
