-- H2 only (the embedded database). Every secondary index of sipring_campaign_contact costs an import a B-tree insert
-- per card (and H2's commit visits each entry again): with the five of V100/V101 an import of a million cards spent
-- most of its time in index maintenance. (assignment_id, phone_normalized) answers no query H2 runs: the duplicate
-- check names ix_sipring_campaign_contact_phone (USE INDEX), and the queries that filter on the assignment alone take
-- ix_sipring_campaign_contact_new, which starts with assignment_id. Dropping it made an import about a quarter
-- cheaper in CPU (docs/performance/campaign.md). MariaDB keeps it (InnoDB's secondary indexes are cheaper to fill).
DROP INDEX ix_sipring_campaign_contact_assignment;
