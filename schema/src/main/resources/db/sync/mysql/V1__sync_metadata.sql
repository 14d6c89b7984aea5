-- BranchSync metadata. Every database in a BranchSync chain (office and shops) carries these
-- tables; the office uses the registry and the sync bookkeeping, a shop its change log.

-- The change log, filled by capture triggers. seq is stamped by the reader, in commit order, so a
-- cursor over seq never skips a transaction that committed after a later one.
CREATE TABLE sync_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    seq         BIGINT,
    table_name  VARCHAR(64)  NOT NULL,
    pk1         VARCHAR(255),
    pk2         VARCHAR(255),
    pk3         VARCHAR(255),
    op          CHAR(1)      NOT NULL,
    origin      INTEGER,
    txid        BIGINT,
    changed_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- Not unique: a unique index makes InnoDB take gap locks for duplicate checks that can
-- deadlock the reader stamping rows against writers logging new ones.
CREATE INDEX sync_change_seq ON sync_change (seq);
-- MySQL has no partial index; the seq index serves "seq IS NULL" lookups.

CREATE INDEX sync_change_row ON sync_change (table_name, pk1);

CREATE TABLE sync_counter (
    name   VARCHAR(64) PRIMARY KEY,
    value  BIGINT      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO sync_counter (name, value) VALUES ('change_seq', 0);

CREATE TABLE sync_setting (
    name   VARCHAR(64)   PRIMARY KEY,
    value  VARCHAR(1024) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_branch (
    branch_id        INTEGER       PRIMARY KEY CHECK (branch_id > 0),
    name             VARCHAR(128)  NOT NULL UNIQUE,
    url              VARCHAR(1024) NOT NULL,
    credentials_ref  VARCHAR(256)  NOT NULL,
    policy_set       VARCHAR(128)  NOT NULL,
    id_range_start   BIGINT        NOT NULL,
    id_range_end     BIGINT        NOT NULL,
    created_at       DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE branch_synchronization (
    branch_id         INTEGER      PRIMARY KEY,
    policy            VARCHAR(128) NOT NULL,
    last_sync_at      DATETIME(6),
    provisioned_at    DATETIME(6),
    pull_cursor       VARCHAR(256) NOT NULL DEFAULT '',
    push_cursor       BIGINT       NOT NULL DEFAULT 0,
    last_duration_ms  BIGINT,
    rows_pulled       BIGINT,
    rows_pushed       BIGINT,
    conflicts         BIGINT,
    last_error        TEXT,
    last_error_at     DATETIME(6),
    CONSTRAINT branch_synchronization_branch FOREIGN KEY (branch_id)
        REFERENCES sync_branch (branch_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_conflict (
    id              BIGINT       AUTO_INCREMENT PRIMARY KEY,
    branch_id       INTEGER      NOT NULL,
    table_name      VARCHAR(64)  NOT NULL,
    row_key         VARCHAR(800) NOT NULL,
    office_version  TEXT,
    branch_version  TEXT,
    resolution      VARCHAR(32)  NOT NULL,
    detected_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sync_failed_row (
    id          BIGINT       AUTO_INCREMENT PRIMARY KEY,
    branch_id   INTEGER      NOT NULL,
    direction   VARCHAR(8)   NOT NULL,
    table_name  VARCHAR(64),
    row_key     VARCHAR(800),
    reason      TEXT         NOT NULL,
    status      VARCHAR(16)  NOT NULL DEFAULT 'open',
    created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
