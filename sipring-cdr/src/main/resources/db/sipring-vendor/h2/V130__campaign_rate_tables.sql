-- H2 (the embedded database) variant of db/sipring-vendor/mariadb/V130__campaign_rate_tables.sql, the same tables:
-- H2 has no per-table collation, so the table name that MariaDB compares ignoring case (utf8mb4_general_ci) is a
-- VARCHAR_IGNORECASE here.
CREATE TABLE sipring_campaign_rate_version (
  table_name VARCHAR_IGNORECASE(128) NOT NULL,
  version INT NOT NULL,
  valid_from BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  source VARCHAR(255) NOT NULL,
  PRIMARY KEY (table_name, version)
);

CREATE TABLE sipring_campaign_rate (
  table_name VARCHAR_IGNORECASE(128) NOT NULL,
  version INT NOT NULL,
  seq INT NOT NULL,
  prefix VARCHAR(32) NOT NULL,
  name VARCHAR(255) NOT NULL,
  price_per_minute VARCHAR(40) NOT NULL,
  initial_block INT NOT NULL,
  billing_block INT NOT NULL,
  connect_charge VARCHAR(40) NOT NULL,
  free_seconds INT NOT NULL,
  minimal_cost VARCHAR(40) NOT NULL,
  valid_from BIGINT NULL,
  valid_to BIGINT NULL,
  PRIMARY KEY (table_name, version, seq)
);
