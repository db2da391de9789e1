-- H2 only (the embedded database): the dialer's due-card indexes of V101 end with the card id, as InnoDB's secondary
-- indexes do by themselves. With the id in the index, H2 reads the cards in the ORDER BY's order straight from it
-- and stops at LIMIT. Without it, H2 fetched every never-called card of the assignment and sorted them (seconds
-- per dialer step on a million cards). Same names as on MariaDB, so USE INDEX names them on both.
DROP INDEX ix_sipring_campaign_contact_new;
CREATE INDEX ix_sipring_campaign_contact_new ON sipring_campaign_contact (assignment_id, status, attempts, id);
DROP INDEX ix_sipring_campaign_contact_retry;
CREATE INDEX ix_sipring_campaign_contact_retry ON sipring_campaign_contact (assignment_id, last_outcome, last_attempt_at, id);
