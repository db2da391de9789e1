-- H2 (the embedded database) variant of db/sipring-vendor/mariadb/V104__campaign_import_marker.sql, the same table,
-- column and index (H2 has no ALTER TABLE ... DROP INDEX list): an import of client cards commits in chunks and
-- stays invisible until it has succeeded; readers skip a card whose import is not DONE (docs/campaign.md).
-- No index but the primary key: an import's statements on its own row name its id, and on InnoDB an index on state
-- would let them lock the index range of every RUNNING import (a second import then waited for the first one's chunk).
CREATE TABLE sipring_campaign_import (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  assignment_id BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  started_at BIGINT NOT NULL,
  heartbeat_at BIGINT NOT NULL,
  finished_at BIGINT NULL,
  cards BIGINT NOT NULL DEFAULT 0
);

ALTER TABLE sipring_campaign_contact ADD COLUMN import_id BIGINT NULL;
DROP INDEX ix_sipring_campaign_contact_new;
CREATE INDEX ix_sipring_campaign_contact_new ON sipring_campaign_contact (assignment_id, status, attempts, id, import_id);
