package io.branchsync.shop.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.message.FinishResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRegistryTest {

  @TempDir Path dir;
  private final AtomicLong clock = new AtomicLong();
  private StagingArea staging;
  private SessionRegistry registry;

  @BeforeEach
  void setUp() {
    staging = StagingArea.open(dir.resolve("staging"));
    registry = new SessionRegistry(staging, 2, Duration.ofSeconds(60), clock::get);
  }

  @AfterEach
  void tearDown() {
    staging.close();
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
    session.stage(new byte[] {1, 2, 3}, new byte[32]);
    Path files = session.dir();
    registry.finished(session, new FinishResult(1, 3));

    assertFalse(Files.exists(files), "staged files are deleted");
    assertEquals(new FinishResult(1, 3), registry.finishedResult(session.sid()).orElseThrow());
    assertEquals(0, registry.openCount());
    ProtocolException again =
        assertThrows(ProtocolException.class, () -> registry.acquire(session.sid(), "sql_create"));
    assertEquals(FaultCode.UNKNOWN_SESSION, again.code());
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
  void aSecondAreaOnTheSameDirectoryIsRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StagingArea.open(dir.resolve("staging")));
    assertTrue(e.getMessage().contains("in use"), e.getMessage());
  }

  @Test
  void openingEmptiesWhatACrashedRunLeft() throws Exception {
    Path other = dir.resolve("other");
    Files.createDirectories(other.resolve("session-5"));
    Files.writeString(other.resolve("session-5").resolve("chunk-000001.gz"), "x");
    Files.writeString(other.resolve("leftover"), "x");

    StagingArea area = StagingArea.open(other);
    try {
      assertEquals(0, StagingArea.countSessions(other));
      assertFalse(Files.exists(other.resolve("leftover")));
    } finally {
      area.close();
    }
  }
}
