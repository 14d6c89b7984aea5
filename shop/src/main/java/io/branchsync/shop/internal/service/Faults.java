package io.branchsync.shop.internal.service;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.RejectedRow;
import io.branchsync.schema.RowRejectedException;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.chunk.ChunkSyntaxException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The one translation of internal errors into the contract's faults. Known refusals keep their
 * message, which names the statement, table or key; anything unforeseen becomes {@link
 * FaultCode#INTERNAL} with a generic message, its details staying in the shop's log.
 */
public final class Faults {

  private Faults() {}

  /**
   * The fault to report for an error.
   *
   * @param error what a method threw
   * @return the fault, never carrying a stack trace
   */
  public static ProtocolException toProtocol(Throwable error) {
    if (error instanceof ProtocolException protocol) {
      return protocol;
    }
    if (error instanceof ChunkSyntaxException syntax) {
      return new ProtocolException(FaultCode.SQL_SYNTAX, syntax.getMessage(), syntax);
    }
    if (error instanceof SyncException sync) {
      return fromSync(sync);
    }
    if (error instanceof SQLException sql && isConnectionLost(sql)) {
      return unavailable(sql);
    }
    return internal(error);
  }

  /**
   * Whether a fault means the shop itself failed, so the detail belongs in its log.
   *
   * @param fault a fault made by {@link #toProtocol}
   * @return true for {@link FaultCode#INTERNAL}
   */
  public static boolean isInternal(ProtocolException fault) {
    return fault.code() == FaultCode.INTERNAL;
  }

  private static ProtocolException fromSync(SyncException e) {
    return switch (e.code()) {
      case BAD_CHUNK -> new ProtocolException(FaultCode.SQL_SYNTAX, e.getMessage(), e);
      case TABLE_NOT_ALLOWED ->
          new ProtocolException(FaultCode.TABLE_NOT_ALLOWED, e.getMessage(), e);
      case APPLY_FAILED -> new ProtocolException(FaultCode.APPLY_FAILED, applyFailed(e), e);
      case LOCK_CONFLICT -> new ProtocolException(FaultCode.LOCK_CONFLICT, e.getMessage(), e);
      case ID_RANGE_OCCUPIED ->
          new ProtocolException(FaultCode.ID_RANGE_OCCUPIED, e.getMessage(), e);
      case BAD_CURSOR -> new ProtocolException(FaultCode.BAD_CURSOR, e.getMessage(), e);
      case DATABASE_UNAVAILABLE -> unavailable(e);
      default -> internal(e);
    };
  }

  /** The message, and for one refused row the line the office reads table and key back from. */
  private static String applyFailed(SyncException e) {
    if (e instanceof RowRejectedException row && row.table() != null && row.key() != null) {
      return new RejectedRow(row.table(), row.key(), row.otherKey()).appendTo(e.getMessage());
    }
    return e.getMessage();
  }

  private static boolean isConnectionLost(SQLException e) {
    // Hikari reports an empty pool with a transient connection exception and no SQLSTATE
    return e instanceof SQLTransientConnectionException
        || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
  }

  private static ProtocolException unavailable(Throwable cause) {
    return new ProtocolException(
        FaultCode.DATABASE_UNAVAILABLE, "the shop's database cannot be reached", cause);
  }

  private static ProtocolException internal(Throwable cause) {
    return new ProtocolException(
        FaultCode.INTERNAL, "unexpected " + cause.getClass().getSimpleName(), cause);
  }
}
