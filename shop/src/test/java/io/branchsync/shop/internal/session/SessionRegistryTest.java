package io.branchsync.shop.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.SessionToken;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

  private final AtomicLong clock = new AtomicLong();
  private SessionRegistry registry;

  @BeforeEach
  void setUp() {
    registry =
        new SessionRegistry(2, Duration.ofSeconds(60), clock::get, new OfficeLease(clock::get));
  }

  @Test
  void opensUpToTheLimit() {
    registry.open();
    registry.open();
    ProtocolException e = assertThrows(ProtocolException.class, registry::open);
    assertEquals(FaultCode.TOO_MANY_SESSIONS, e.code());
  }

  @Test
  void aFinishedSessionRemembersItsResultAndFreesItsPlace() throws Exception {
    StagedSession session = registry.acquire(registry.open().sid(), "sql_create");
    session.applied(3, new byte[32]);
    registry.finished(session, new FinishResult(1, 3));

    assertEquals(new FinishResult(1, 3), registry.finishedResult(session.sid()).orElseThrow());
    assertEquals(0, registry.openCount());
    ProtocolException again =
        assertThrows(ProtocolException.class, () -> registry.acquire(session.sid(), "sql_create"));
    assertEquals(FaultCode.UNKNOWN_SESSION, again.code());
  }

  @Test
  void aSessionStillHeldAfterAFailedCallIsDiscardedAndOneReleasedIsLeftAlone() {
    StagedSession released = registry.acquire(registry.open().sid(), "sql_create");
    registry.release(released);
    registry.discardIfHeld(released, FaultCode.INTERNAL, "not this one");
    assertEquals(1, registry.openCount());

    StagedSession stuck = registry.acquire(released.sid(), "sql_create");
    registry.discardIfHeld(stuck, FaultCode.INTERNAL, "the shop failed while applying a chunk");

    assertEquals(0, registry.openCount());
    assertFalse(stuck.lock().isHeldByCurrentThread());
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> registry.acquire(stuck.sid(), "sql_finish"));
    assertEquals(FaultCode.INTERNAL, e.code());
  }

  @Test
  void aDiscardedSessionAnswersWithTheFaultThatDiscardedIt() {
    StagedSession session = registry.acquire(registry.open().sid(), "sql_create");
    registry.discard(session, FaultCode.TABLE_NOT_ALLOWED, "line 1: table sale");

    ProtocolException e =
        assertThrows(ProtocolException.class, () -> registry.acquire(session.sid(), "sql_finish"));
    assertEquals(FaultCode.TABLE_NOT_ALLOWED, e.code());
    assertTrue(e.detail().contains("line 1: table sale"), e.detail());
  }

  @Test
  void idleSessionsExpireAndSaySo() {
    StagedSession session = registry.open();
    clock.addAndGet(Duration.ofSeconds(61).toNanos());

    assertEquals(1, registry.expireIdle());
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> registry.acquire(session.sid(), "sql_create"));
    assertEquals(FaultCode.UNKNOWN_SESSION, e.code());
    assertTrue(e.detail().contains("expired"), e.detail());
  }

  @Test
  void aSessionInUseIsNotExpiredUnderItsCaller() {
    StagedSession session = registry.acquire(registry.open().sid(), "sql_create");
    clock.addAndGet(Duration.ofSeconds(61).toNanos());

    // the sweeper runs on its own thread, as the server's timer does
    java.util.concurrent.CompletableFuture<Integer> sweep =
        java.util.concurrent.CompletableFuture.supplyAsync(registry::expireIdle);
    assertEquals(0, sweep.join());
    registry.release(session);
    assertEquals(session, registry.acquire(session.sid(), "sql_create"));
  }

  @Test
  void unknownIdsAreUnknown() {
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> registry.acquire(77, "sql_finish"));
    assertEquals(FaultCode.UNKNOWN_SESSION, e.code());
  }

  @Test
  void theSameTokenGetsTheSameSession() {
    SessionToken token = SessionToken.random();
    int sid = registry.open(token);

    assertEquals(sid, registry.open(token));
    assertEquals(sid, registry.open(token));
    assertEquals(1, registry.openCount());
  }

  @Test
  void aNewTokenRollsBackTheSessionsOfOtherTokensButNotUntokenedOnes() {
    StagedSession plain = registry.open();
    int abandoned = registry.open(SessionToken.random());

    int fresh = registry.open(SessionToken.random());

    assertNotEquals(abandoned, fresh);
    assertEquals(2, registry.openCount());
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> registry.acquire(abandoned, "sql_create"));
    assertEquals(FaultCode.UNKNOWN_SESSION, e.code());
    assertTrue(e.detail().contains("newer sql_prepare"), e.detail());
    registry.release(registry.acquire(plain.sid(), "sql_create"));
  }

  @Test
  void newTokensNeverRunOutOfSessions() {
    for (int run = 0; run < 10; run++) {
      registry.open(SessionToken.random());
    }
    assertEquals(1, registry.openCount());
  }

  @Test
  void aLateRepeatOfAnOldTokenOpensNothingAndDisturbsNoNewerRun() {
    SessionToken old = SessionToken.random();
    int oldSid = registry.open(old);
    int newer = registry.open(SessionToken.random());

    assertEquals(oldSid, registry.open(old));
    registry.release(registry.acquire(newer, "sql_create"));
    assertEquals(1, registry.openCount());
  }

  @Test
  void aSessionBusyInACallIsRolledBackWhenTheCallEnds() throws Exception {
    StagedSession busy = registry.acquire(registry.open(SessionToken.random()), "sql_create");

    // the new run's prepare arrives on another thread while the call still holds the session
    int fresh =
        java.util.concurrent.CompletableFuture.supplyAsync(
                () -> registry.open(SessionToken.random()))
            .join();
    assertEquals(2, registry.openCount());

    registry.release(busy);
    assertEquals(1, registry.openCount());
    assertThrows(ProtocolException.class, () -> registry.acquire(busy.sid(), "sql_finish"));
    registry.release(registry.acquire(fresh, "sql_create"));
  }

  @Test
  void noSessionIsIdleWhileTheOfficeIsInTheMiddleOfACall() {
    OfficeLease lease = new OfficeLease(clock::get);
    SessionRegistry leased = new SessionRegistry(2, Duration.ofSeconds(60), clock::get, lease);
    StagedSession session = leased.open();

    lease.callStarted(); // a long upload of the next chunk
    clock.addAndGet(Duration.ofSeconds(300).toNanos());
    assertEquals(0, leased.expireIdle());
    leased.release(leased.acquire(session.sid(), "sql_create"));
    lease.callEnded();

    clock.addAndGet(Duration.ofSeconds(61).toNanos());
    assertEquals(1, leased.expireIdle());
  }
}
