-- SipRing's own schema, version 2: wrong PINs of the *45 FastAGI login, kept so that a restart of the login
-- server forgets no lockout, and the overall wrong-PIN budget spans every device (a guesser who makes up a new
-- device for each call still spends it). The global lock's end is the sipring_setting row
-- 'agi_login_locked_until' (an ISO-8601 instant). No PIN and no hash of one is ever stored here.
-- Version ranges: V1..V99 sipring-cdr, V100+ campaigns, V200+ surveys, V300+ fax. See docs/cdr.md.

CREATE TABLE sipring_login_failure (
  id     BIGINT       NOT NULL AUTO_INCREMENT,
  device VARCHAR(128) NOT NULL,
  at_utc DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_login_failure_at (at_utc),
  KEY ix_login_failure_device (device, at_utc)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
