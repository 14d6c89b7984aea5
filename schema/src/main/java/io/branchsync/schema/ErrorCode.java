package io.branchsync.schema;

/**
 * What went wrong, in terms a caller can act on. The shop maps these onto wire fault codes; the
 * office onto exit codes and status lines.
 */
public enum ErrorCode {
  /** A policy set file or table policy is wrong; fix the file. */
  BAD_POLICY,
  /**
   * A chunk statement is outside the allowed grammar or names a table or column that is not
   * allowed.
   */
  BAD_CHUNK,
  /** The policy does not let this table in from the sending side. */
  TABLE_NOT_ALLOWED,
  /** The database rejected a row (constraint, type); the message names table, key and reason. */
  APPLY_FAILED,
  /** A till held rows an apply needed; the apply gave way and is rolled back: send it again. */
  LOCK_CONFLICT,
  /** An ID range would overlap rows that already exist. */
  ID_RANGE_OCCUPIED,
  /** The database cannot be reached or the connection was lost; retrying later may succeed. */
  DATABASE_UNAVAILABLE,
  /** Another sync of the same branch holds the lock. */
  BUSY,
  /** A cursor received from the other side cannot be understood. */
  BAD_CURSOR,
  /** The schema is not what the sync expects (missing table, missing primary key). */
  SCHEMA_MISMATCH,
  /** A shop did not answer (connection refused, timeout, lost reply); the next run retries. */
  SHOP_UNREACHABLE,
  /** A shop refused the credentials (HTTP 401). */
  AUTH_FAILED,
  /** A shop answered with a fault; the message carries its code and text. */
  SHOP_FAULT,
  /** A bug or an unexpected database error. */
  INTERNAL
}
