-- SipRing's own schema, surveys (sipring-survey; docs/survey.md). Version range V200..V299.
-- A scenario (draft or published version) is stored as its documented JSON (schemaVersion 1): it is read
-- and written whole, and a published version never changes. Responses are relational so that analysis
-- filters run in SQL; every answer keeps the question and option texts as they were asked.
-- Ids, queues and operators compare byte for byte (utf8mb4_bin): 'Sales' and 'sales' are different queues.

CREATE TABLE sipring_survey_draft (
  scenario_id VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  title       VARCHAR(500) NOT NULL,
  body_json   MEDIUMTEXT   NOT NULL,
  updated_utc DATETIME(6)  NOT NULL,
  PRIMARY KEY (scenario_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sipring_survey_version (
  scenario_id   VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  version       INT          NOT NULL,
  title         VARCHAR(500) NOT NULL,
  body_json     MEDIUMTEXT   NOT NULL,
  published_utc DATETIME(6)  NOT NULL,
  PRIMARY KEY (scenario_id, version),
  CONSTRAINT ck_survey_version CHECK (version >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- "Назначить": which scenario runs for calls on a queue
CREATE TABLE sipring_survey_queue (
  queue        VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  scenario_id  VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  PRIMARY KEY (queue),
  KEY ix_survey_queue_scenario (scenario_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sipring_survey_response (
  id             VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  scenario_id    VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  version        INT          NOT NULL,
  scenario_title VARCHAR(500) NOT NULL,
  call_id        VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  queue          VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  operator       VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  client         VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  is_test        TINYINT(1)   NOT NULL,
  started_utc    DATETIME(6)  NOT NULL,
  finished_utc   DATETIME(6)  NOT NULL,
  completed      TINYINT(1)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_survey_response_scenario (scenario_id, started_utc),
  KEY ix_survey_response_started (started_utc),
  KEY ix_survey_response_call (call_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- one row per question reached, in the order asked (seq); no option rows and NULL text = skipped
CREATE TABLE sipring_survey_answer (
  response_id   VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  seq           INT          NOT NULL,
  question_id   VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  question_type VARCHAR(8)   NOT NULL,
  question_text TEXT         NOT NULL,
  answer_text   TEXT         NULL,
  PRIMARY KEY (response_id, seq),
  KEY ix_survey_answer_question (question_id),
  CONSTRAINT fk_survey_answer_response FOREIGN KEY (response_id) REFERENCES sipring_survey_response (id)
    ON DELETE CASCADE,
  CONSTRAINT ck_survey_answer_type CHECK (question_type IN ('single', 'multiple', 'text'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sipring_survey_answer_option (
  response_id  VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
  seq          INT         NOT NULL,
  pos          INT         NOT NULL,
  option_id    VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
  option_label TEXT        NOT NULL,
  PRIMARY KEY (response_id, seq, pos),
  CONSTRAINT fk_survey_option_answer FOREIGN KEY (response_id, seq) REFERENCES sipring_survey_answer (response_id, seq)
    ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
