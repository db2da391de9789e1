-- SipRing's own schema, version 3: the administration panel's stored users and the audit log of administrative
-- actions (who did what to which target). One text for both engines (MariaDB/MySQL and the embedded H2 in its
-- MariaDB mode). Audit rows are only ever inserted.
-- Version ranges: V1..V99 sipring-cdr, V100+ campaigns, V200+ surveys, V300+ fax. See docs/cdr.md.

CREATE TABLE sipring_panel_user (
  name          VARCHAR(64)  NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  -- the host's encoded password ({bcrypt}$2a$10$..., {argon2}...), never the password
  password_hash VARCHAR(255) NOT NULL,
  enabled       TINYINT(1)   NOT NULL DEFAULT 1,
  operator      VARCHAR(40)  NULL,
  -- SHA-256 (hex) of the user's API token; the token itself is shown once and never stored
  token_sha256  CHAR(64)     NULL,
  created_utc   DATETIME(6)  NOT NULL,
  updated_utc   DATETIME(6)  NOT NULL,
  PRIMARY KEY (name),
  UNIQUE KEY uq_panel_user_token (token_sha256),
  CONSTRAINT ck_panel_user_role CHECK (role IN ('ADMIN', 'SUPERVISOR', 'OPERATOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sipring_audit (
  id      BIGINT        NOT NULL AUTO_INCREMENT,
  at_utc  DATETIME(6)   NOT NULL,
  actor   VARCHAR(128)  NOT NULL,
  action  VARCHAR(64)   NOT NULL,
  target  VARCHAR(255)  NOT NULL,
  detail  VARCHAR(1024) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_audit_at (at_utc)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
