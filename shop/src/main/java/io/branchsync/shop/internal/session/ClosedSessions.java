package io.branchsync.shop.internal.session;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.SessionToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the last sessions ended: the result of a finished one, or the fault that discarded one. A
 * repeated {@code sql_finish} after a lost reply gets the same answer, and nothing is applied
 * twice. Holds the last {@value #REMEMBERED} sessions; older ones read as unknown. The token a
 * session was opened with is kept as long, so that a {@code sql_prepare} repeated late gets that
 * session back (and its ending at the next call) instead of opening another.
 */
final class ClosedSessions {

  static final int REMEMBERED = 100;

  private final Map<Integer, Ending> endings =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Ending> eldest) {
          return size() > REMEMBERED;
        }
      };

  private final Map<SessionToken, Integer> tokens =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<SessionToken, Integer> eldest) {
          return size() > REMEMBERED;
        }
      };

  synchronized void tokenOf(int sid, SessionToken token) {
    tokens.put(token, sid);
  }

  synchronized Optional<Integer> sidOf(SessionToken token) {
    return Optional.ofNullable(tokens.get(token));
  }

  synchronized void finished(int sid, FinishResult result) {
    endings.put(sid, new Ending(result, null));
  }

  synchronized void discarded(int sid, FaultCode code, String detail) {
    endings.put(sid, new Ending(null, new ProtocolException(code, detail)));
  }

  synchronized boolean contains(int sid) {
    return endings.containsKey(sid);
  }

  synchronized Optional<Ending> ending(int sid) {
    return Optional.ofNullable(endings.get(sid));
  }

  /**
   * The end of a session: exactly one of the fields is set.
   *
   * @param result what a finished session applied
   * @param fault why a session was discarded
   */
  record Ending(FinishResult result, ProtocolException fault) {}
}
