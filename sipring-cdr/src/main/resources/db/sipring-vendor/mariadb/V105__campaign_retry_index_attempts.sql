-- sipring-campaign: the retry index gets the attempt count after the last outcome. The dialer reads the retries of one
-- rule (one last outcome) one attempt count at a time, below the rule's maximum, each in the order of the last
-- attempt. Before, one range per rule held every card with that outcome, spent ones too (attempts at the maximum),
-- and they were skipped row by row: late in a campaign, when most cards are spent, a dialer step read nearly the
-- whole base (1,000,000 spent cards: about 6 s a step). See docs/performance/campaign.md, "Spent cards".
ALTER TABLE sipring_campaign_contact
  DROP INDEX ix_sipring_campaign_contact_retry,
  ADD INDEX ix_sipring_campaign_contact_retry (assignment_id, last_outcome, attempts, last_attempt_at);
