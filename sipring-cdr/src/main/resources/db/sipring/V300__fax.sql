-- sipring-fax: fax users with AvantFAX-style rights, lines (modem -> name, default category), categories,
-- received faxes with the line/category/folder SipRing records (HylaFAX does not), address book and
-- distribution lists. Version range V300..V399. See docs/fax.md.

CREATE TABLE sipring_fax_user (
  login       VARCHAR(64)  NOT NULL,
  full_name   VARCHAR(200) NOT NULL,
  email       VARCHAR(254) NOT NULL,
  is_admin    TINYINT(1)   NOT NULL DEFAULT 0,
  privileged  TINYINT(1)   NOT NULL DEFAULT 0,
  can_delete  TINYINT(1)   NOT NULL DEFAULT 0,
  any_modem   TINYINT(1)   NOT NULL DEFAULT 0,
  PRIMARY KEY (login)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_user_modem (
  login   VARCHAR(64) NOT NULL,
  device  VARCHAR(64) NOT NULL,
  PRIMARY KEY (login, device),
  CONSTRAINT fk_fax_user_modem FOREIGN KEY (login) REFERENCES sipring_fax_user (login) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_user_category (
  login     VARCHAR(64)  NOT NULL,
  category  VARCHAR(100) NOT NULL,
  PRIMARY KEY (login, category),
  CONSTRAINT fk_fax_user_category FOREIGN KEY (login) REFERENCES sipring_fax_user (login) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_line (
  device            VARCHAR(64)  NOT NULL,
  name              VARCHAR(200) NOT NULL,
  default_category  VARCHAR(100) NULL,
  PRIMARY KEY (device)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_category (
  name  VARCHAR(100) NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_received (
  file          VARCHAR(128) NOT NULL,
  sender        VARCHAR(64)  NOT NULL,
  cid_number    VARCHAR(64)  NOT NULL,
  cid_name      VARCHAR(200) NOT NULL,
  received_utc  DATETIME(6)  NOT NULL,
  pages         INT          NOT NULL,
  device        VARCHAR(64)  NOT NULL,
  line_name     VARCHAR(200) NOT NULL,
  category      VARCHAR(100) NULL,
  folder        VARCHAR(16)  NOT NULL,
  comm_id       VARCHAR(32)  NOT NULL,
  PRIMARY KEY (file),
  KEY ix_fax_received_time (received_utc)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_contact (
  name     VARCHAR(200) NOT NULL,
  company  VARCHAR(200) NOT NULL,
  number   VARCHAR(64)  NOT NULL,
  email    VARCHAR(254) NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_list (
  name  VARCHAR(200) NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE sipring_fax_list_number (
  list_name  VARCHAR(200) NOT NULL,
  position   INT          NOT NULL,
  number     VARCHAR(64)  NOT NULL,
  PRIMARY KEY (list_name, position),
  CONSTRAINT fk_fax_list_number FOREIGN KEY (list_name) REFERENCES sipring_fax_list (name) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
