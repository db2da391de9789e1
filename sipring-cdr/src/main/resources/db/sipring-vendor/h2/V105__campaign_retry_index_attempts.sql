-- H2 (the embedded database) variant of db/sipring-vendor/mariadb/V105__campaign_retry_index_attempts.sql: the same
-- index with the attempt count after the last outcome, ending with the id as H2's due-card indexes do (V101.1), so
-- each attempt count's range is read in the order of the last attempt and stops at LIMIT.
DROP INDEX ix_sipring_campaign_contact_retry;
CREATE INDEX ix_sipring_campaign_contact_retry ON sipring_campaign_contact (assignment_id, last_outcome, attempts, last_attempt_at, id);
