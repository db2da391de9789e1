-- sipring-campaign: the dialer settings an administrator gave per assignment (DialerControl.configure), kept so that
-- they survive a restart. One JSON document (ru.sipring.campaign.dialer.DialerSettings in CampaignJson's form, like
-- the assignment's settings_json): the settings are read and written whole, never queried by field.
CREATE TABLE sipring_campaign_dialer_settings (
  assignment_id BIGINT NOT NULL PRIMARY KEY,
  settings_json TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- A dialer's progress (DialerControl.progress, polled every second by the panel) counts the day's dialer calls of one
-- assignment and how many were answered (CallAttemptRepository.dialerCounts); this index covers that count, instead
-- of reading every call of the day through ix_sipring_campaign_attempt_started.
CREATE INDEX ix_sipring_campaign_attempt_dialer_day ON sipring_campaign_attempt (assignment_id, dialer, started_at, outcome);
