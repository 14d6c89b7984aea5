-- The demo retail schema of DESIGN.md. Names are fixed: tools and tests rely on them.
CREATE TABLE parameter (
    name   VARCHAR(64) PRIMARY KEY,
    value  VARCHAR(1024)
);

CREATE TABLE product (
    id           BIGSERIAL     PRIMARY KEY,
    sku          VARCHAR(64)   NOT NULL UNIQUE,
    description  VARCHAR(255)  NOT NULL,
    price        NUMERIC(12,2) NOT NULL,
    active       BOOLEAN       NOT NULL DEFAULT TRUE,
    image        BYTEA,
    updated_at   TIMESTAMP(6)  NOT NULL DEFAULT LOCALTIMESTAMP
);

CREATE TABLE service (
    id           BIGSERIAL     PRIMARY KEY,
    description  VARCHAR(255)  NOT NULL,
    price        NUMERIC(12,2) NOT NULL
);

CREATE TABLE person (
    id          BIGSERIAL    PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    email       VARCHAR(255),
    phone       VARCHAR(64),
    updated_at  TIMESTAMP(6) NOT NULL DEFAULT LOCALTIMESTAMP
);

CREATE TABLE sale (
    id         BIGSERIAL     PRIMARY KEY,
    branch_id  INTEGER       NOT NULL,
    person_id  BIGINT        REFERENCES person (id) ON DELETE SET NULL,
    sold_at    TIMESTAMP(6)  NOT NULL DEFAULT LOCALTIMESTAMP,
    total      NUMERIC(12,2) NOT NULL
);

CREATE TABLE sale_item (
    id          BIGSERIAL     PRIMARY KEY,
    sale_id     BIGINT        NOT NULL REFERENCES sale (id),
    product_id  BIGINT        NOT NULL REFERENCES product (id),
    quantity    NUMERIC(10,3) NOT NULL,
    price       NUMERIC(12,2) NOT NULL
);
CREATE INDEX sale_item_sale ON sale_item (sale_id);

CREATE TABLE payment (
    id       BIGSERIAL     PRIMARY KEY,
    sale_id  BIGINT        NOT NULL REFERENCES sale (id),
    method   VARCHAR(32)   NOT NULL,
    amount   NUMERIC(12,2) NOT NULL,
    paid_at  TIMESTAMP(6)  NOT NULL DEFAULT LOCALTIMESTAMP
);
CREATE INDEX payment_sale ON payment (sale_id);
