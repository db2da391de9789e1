-- sipring-campaign: the outbound call centre (Project > Task > Assignment, client cards, call attempts,
-- work sessions, do-not-call lists, saved CSV mappings, dialer state). Instants are epoch milliseconds (UTC),
-- so no session time zone can shift them. Card fields, settings and pauses are JSON documents: the card has
-- custom fields per base, and nothing queries inside them.

CREATE TABLE sipring_campaign_project (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  archived BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE KEY uq_sipring_campaign_project_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_task (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id BIGINT NOT NULL,
  name VARCHAR(255) NOT NULL,
  archived BOOLEAN NOT NULL DEFAULT FALSE,
  UNIQUE KEY uq_sipring_campaign_task_name (project_id, name),
  CONSTRAINT fk_sipring_campaign_task_project FOREIGN KEY (project_id) REFERENCES sipring_campaign_project (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_assignment (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  task_id BIGINT NOT NULL,
  name VARCHAR(255) NOT NULL,
  archived BOOLEAN NOT NULL DEFAULT FALSE,
  settings_json TEXT NOT NULL,
  UNIQUE KEY uq_sipring_campaign_assignment_name (task_id, name),
  CONSTRAINT fk_sipring_campaign_assignment_task FOREIGN KEY (task_id) REFERENCES sipring_campaign_task (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_contact (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assignment_id BIGINT NOT NULL,
  phone VARCHAR(255) NOT NULL,
  phone_normalized VARCHAR(32) NOT NULL,
  fields_json MEDIUMTEXT NOT NULL,
  custom_json MEDIUMTEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  last_attempt_at BIGINT NULL,
  last_outcome VARCHAR(16) NULL,
  KEY ix_sipring_campaign_contact_assignment (assignment_id, phone_normalized),
  KEY ix_sipring_campaign_contact_phone (phone_normalized)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_attempt (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  contact_id BIGINT NOT NULL,
  assignment_id BIGINT NOT NULL,
  operator VARCHAR(255) NULL,
  number VARCHAR(255) NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT NULL,
  outcome VARCHAR(16) NULL,
  duration_seconds BIGINT NOT NULL DEFAULT 0,
  billsec BIGINT NOT NULL DEFAULT 0,
  note TEXT NOT NULL,
  unique_id VARCHAR(64) NULL,
  recording VARCHAR(1024) NULL,
  dialer BOOLEAN NOT NULL DEFAULT FALSE,
  tag VARCHAR(128) NOT NULL DEFAULT '',
  KEY ix_sipring_campaign_attempt_started (started_at),
  KEY ix_sipring_campaign_attempt_assignment (assignment_id, outcome),
  KEY ix_sipring_campaign_attempt_contact (contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_session (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  operator VARCHAR(255) NOT NULL,
  assignment_id BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT NULL,
  pauses_json TEXT NOT NULL,
  closed_by_admin BOOLEAN NOT NULL DEFAULT FALSE,
  KEY ix_sipring_campaign_session_open (ended_at),
  KEY ix_sipring_campaign_session_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_dnc (
  scope_key VARCHAR(64) NOT NULL,
  number VARCHAR(32) NOT NULL,
  PRIMARY KEY (scope_key, number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sipring_campaign_mapping (
  name VARCHAR(255) NOT NULL PRIMARY KEY,
  mapping_json TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE sipring_campaign_dialer_state (
  assignment_id BIGINT NOT NULL PRIMARY KEY,
  status VARCHAR(16) NOT NULL,
  ratio DOUBLE NOT NULL,
  last_originate_at BIGINT NULL,
  day VARCHAR(10) NOT NULL,
  answered_today BIGINT NOT NULL DEFAULT 0,
  abandoned_today BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
