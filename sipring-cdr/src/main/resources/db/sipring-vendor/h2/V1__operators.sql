-- H2 (the embedded database) variant of db/sipring-vendor/mariadb/V1__operators.sql, the same tables: H2 has no
-- STORED keyword (its generated columns are always stored). Everything else is the MariaDB file as it is.
-- SipRing's own schema, version 1: operators (Сервис -> Пользователи), their aliases in queue_log, the
-- login log, and settings (the service password hash).
-- Version ranges: V1..V99 sipring-cdr, V100+ campaigns, V200+ surveys, V300+ fax. See docs/cdr.md.

CREATE TABLE sipring_setting (
  name        VARCHAR(64)   NOT NULL,
  value       VARCHAR(1024) NOT NULL,
  updated_utc DATETIME(6)   NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sipring_operator (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  number          VARCHAR(40)  NOT NULL,
  full_name       VARCHAR(200) NOT NULL,
  active          TINYINT(1)   NOT NULL DEFAULT 1,
  -- HMAC-SHA256(secret, pin); the secret is never stored in the database
  pin_hmac        BINARY(32)   NULL,
  -- equals pin_hmac while the operator is active, NULL otherwise: the unique index below makes a PIN unique
  -- among active operators and lets a login find its operator in one indexed lookup
  active_pin_hmac BINARY(32)   GENERATED ALWAYS AS (CASE WHEN active = 1 THEN pin_hmac END),
  created_utc     DATETIME(6)  NOT NULL,
  updated_utc     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_operator_number (number),
  UNIQUE KEY uq_operator_active_pin (active_pin_hmac),
  KEY ix_operator_name (full_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- other values of the queue_log agent column that mean this operator (interfaces, agent ids)
CREATE TABLE sipring_operator_alias (
  agent       VARCHAR(128) NOT NULL,
  operator_id BIGINT       NOT NULL,
  PRIMARY KEY (agent),
  KEY ix_alias_operator (operator_id),
  CONSTRAINT fk_alias_operator FOREIGN KEY (operator_id) REFERENCES sipring_operator (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sipring_operator_login (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  operator_id     BIGINT       NULL,
  operator_number VARCHAR(40)  NOT NULL,
  operator_name   VARCHAR(200) NOT NULL,
  queue           VARCHAR(128) NOT NULL,
  device          VARCHAR(128) NOT NULL,
  action          VARCHAR(8)   NOT NULL,
  at_utc          DATETIME(6)  NOT NULL,
  by_whom         VARCHAR(128) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_login_at (at_utc),
  KEY ix_login_operator (operator_id, at_utc),
  CONSTRAINT fk_login_operator FOREIGN KEY (operator_id) REFERENCES sipring_operator (id),
  CONSTRAINT ck_login_action CHECK (action IN ('LOGIN', 'LOGOUT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
