package io.branchsync.office.sync;

import io.branchsync.office.client.ShopCallException;
import io.branchsync.protocol.FaultCode;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work again, a little later each time, when it failed only because a database made it give
 * way: a shop rolled a push back so a till's sale could go through, or the office's database broke
 * a deadlock between two branches' pulls by rolling one back. Either way nothing was applied, and
 * the same work can simply run again.
 */
final class LockConflictRetry {
  private static final Logger LOG = LoggerFactory.getLogger(LockConflictRetry.class);
  private static final int ATTEMPTS = 4;
  private static final long FIRST_PAUSE_MS = 100;

  private LockConflictRetry() {}

  static <T> T run(String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (SyncException e) {
        if (!gaveWay(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.info(
            "{} gave way to another transaction ({}); again, try {} of {}",
            what,
            e.getMessage(),
            attempt + 1,
            ATTEMPTS);
        pause(FIRST_PAUSE_MS * attempt, e);
      }
    }
  }

  private static boolean gaveWay(SyncException e) {
    return e.code() == ErrorCode.LOCK_CONFLICT
        || (e instanceof ShopCallException call && call.fault() == FaultCode.LOCK_CONFLICT);
  }

  private static void pause(long ms, SyncException cause) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
