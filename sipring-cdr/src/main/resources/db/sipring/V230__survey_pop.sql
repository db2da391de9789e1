-- sipring-survey: which screen-pop call, operator and client card each survey response was taken on
-- (ru.sipring.survey.pop.PopResponse; docs/survey.md "Screen pop"). The response itself is in
-- sipring_survey_response; this row adds the client card the pop showed. Finish times are epoch milliseconds.
CREATE TABLE sipring_survey_pop (
  response_id    VARCHAR(64) COLLATE utf8mb4_bin  NOT NULL,
  call_id        VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  queue          VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  operator       VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  client_card_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  caller_number  VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
  finished_at    BIGINT       NOT NULL,
  PRIMARY KEY (response_id),
  KEY ix_survey_pop_call (call_id),
  KEY ix_survey_pop_card (client_card_id, finished_at),
  KEY ix_survey_pop_operator (operator, finished_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
