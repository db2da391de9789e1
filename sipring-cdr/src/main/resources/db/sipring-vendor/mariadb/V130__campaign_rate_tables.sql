-- sipring-campaign: rate tables kept in the database (ru.sipring.campaign.tariff; docs/campaign.md "Billing").
-- A named table has numbered versions, each in force for calls from its valid_from (epoch milliseconds); a version
-- is never changed, an edit or an import adds the next one. Prices are kept as the decimal text they were given
-- (VARCHAR, not DECIMAL) so that a rate reads back with the very scale it had. Names compare ignoring case
-- (utf8mb4_general_ci), like project names; H2 has its own file of this version for that (VARCHAR_IGNORECASE).
CREATE TABLE sipring_campaign_rate_version (
  table_name VARCHAR(128) NOT NULL,
  version INT NOT NULL,
  valid_from BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  source VARCHAR(255) NOT NULL,
  PRIMARY KEY (table_name, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_rate (
  table_name VARCHAR(128) NOT NULL,
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
