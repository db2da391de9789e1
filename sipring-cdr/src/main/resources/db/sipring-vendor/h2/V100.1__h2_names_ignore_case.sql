-- H2 only (the embedded database). On MariaDB these tables use the utf8mb4_general_ci collation, so names compare
-- ignoring case and the unique keys refuse "Проект" next to "проект"; H2 has no per-table collation, so the same
-- columns become VARCHAR_IGNORECASE here. Columns declared utf8mb4_bin on MariaDB stay case-sensitive in both.
-- Runs right after V100 (the campaign tables), before V101; outOfOrder takes it into databases already past V100.
ALTER TABLE sipring_campaign_project ALTER COLUMN name SET DATA TYPE VARCHAR_IGNORECASE(255);
ALTER TABLE sipring_campaign_task ALTER COLUMN name SET DATA TYPE VARCHAR_IGNORECASE(255);
ALTER TABLE sipring_campaign_assignment ALTER COLUMN name SET DATA TYPE VARCHAR_IGNORECASE(255);
ALTER TABLE sipring_campaign_mapping ALTER COLUMN name SET DATA TYPE VARCHAR_IGNORECASE(255);
ALTER TABLE sipring_campaign_session ALTER COLUMN operator SET DATA TYPE VARCHAR_IGNORECASE(255);
ALTER TABLE sipring_campaign_attempt ALTER COLUMN operator SET DATA TYPE VARCHAR_IGNORECASE(255);
ALTER TABLE sipring_operator ALTER COLUMN number SET DATA TYPE VARCHAR_IGNORECASE(40);
ALTER TABLE sipring_operator ALTER COLUMN full_name SET DATA TYPE VARCHAR_IGNORECASE(200);
ALTER TABLE sipring_operator_alias ALTER COLUMN agent SET DATA TYPE VARCHAR_IGNORECASE(128);
