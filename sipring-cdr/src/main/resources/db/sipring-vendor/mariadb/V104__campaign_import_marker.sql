-- sipring-campaign: an import of client cards commits in chunks and stays invisible until it has succeeded.
-- Every import gets a row here (state RUNNING, then DONE; FAILED while a failed or abandoned one is being removed) and
-- its cards carry its id in sipring_campaign_contact.import_id. Readers skip a card whose import is not DONE, so the
-- one statement that sets DONE makes the whole import visible at once (docs/campaign.md, "Importing a base").
-- heartbeat_at moves with every committed chunk: an import whose process died stops moving and is removed by the next
-- import after JdbiCampaignStore's abandon delay. Finished imports keep their row (a few bytes each): an id is never
-- reused, so a finished import's cards can never be hidden by a new import taking its number.
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- NULL for the cards stored before V104 and those copied from the JSON store (JdbiCampaignStore.copyFrom); a card added
-- by hand goes through the import path (an import of one card).
-- The due-card index gets the column at its end: the readers' filter on it is then answered from the index (a count
-- of an assignment's cards reads no row), and the id before it keeps the dialer's ORDER BY ... id in index order.
ALTER TABLE sipring_campaign_contact
  ADD COLUMN import_id BIGINT NULL,
  DROP INDEX ix_sipring_campaign_contact_new,
  ADD INDEX ix_sipring_campaign_contact_new (assignment_id, status, attempts, id, import_id);
