-- The demo retail schema of DESIGN.md. Names are fixed: tools and tests rely on them.
CREATE TABLE parameter (
    name   VARCHAR(64) PRIMARY KEY,
    value  VARCHAR(1024)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE product (
    id           BIGINT        AUTO_INCREMENT PRIMARY KEY,
    sku          VARCHAR(64)   NOT NULL UNIQUE,
    description  VARCHAR(255)  NOT NULL,
    price        DECIMAL(12,2) NOT NULL,
    active       BOOLEAN       NOT NULL DEFAULT TRUE,
    image        LONGBLOB,
    updated_at   DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE service (
    id           BIGINT        AUTO_INCREMENT PRIMARY KEY,
    description  VARCHAR(255)  NOT NULL,
    price        DECIMAL(12,2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE person (
    id          BIGINT       AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    email       VARCHAR(255),
    phone       VARCHAR(64),
    updated_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale (
    id         BIGINT        AUTO_INCREMENT PRIMARY KEY,
    branch_id  INTEGER       NOT NULL,
    person_id  BIGINT,
    sold_at    DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    total      DECIMAL(12,2) NOT NULL,
    CONSTRAINT sale_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale_item (
    id          BIGINT        AUTO_INCREMENT PRIMARY KEY,
    sale_id     BIGINT        NOT NULL,
    product_id  BIGINT        NOT NULL,
    quantity    DECIMAL(10,3) NOT NULL,
    price       DECIMAL(12,2) NOT NULL,
    CONSTRAINT sale_item_sale FOREIGN KEY (sale_id) REFERENCES sale (id),
    CONSTRAINT sale_item_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE payment (
    id       BIGINT        AUTO_INCREMENT PRIMARY KEY,
    sale_id  BIGINT        NOT NULL,
    method   VARCHAR(32)   NOT NULL,
    amount   DECIMAL(12,2) NOT NULL,
    paid_at  DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT payment_sale FOREIGN KEY (sale_id) REFERENCES sale (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
