-- sipring-campaign: the dialer asks for the next callable cards of an assignment (ContactRepository.dueForCall)
-- instead of reading the whole base.
-- Never-called cards: equality on (assignment, status 'NEW', 0 attempts) and InnoDB appends the primary key, so the
-- index is already in id order and LIMIT stops after a few rows even with a million cards.
CREATE INDEX ix_sipring_campaign_contact_new ON sipring_campaign_contact (assignment_id, status, attempts);
-- Retries: one scan per last outcome (one retry rule, one delay) in the order of the last attempt, then id.
CREATE INDEX ix_sipring_campaign_contact_retry ON sipring_campaign_contact (assignment_id, last_outcome, last_attempt_at);
