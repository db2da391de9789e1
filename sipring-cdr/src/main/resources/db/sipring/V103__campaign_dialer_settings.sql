-- sipring-campaign: the dialer settings an administrator gave per assignment (DialerControl.configure), kept so that
-- they survive a restart. One JSON document (ru.sipring.campaign.dialer.DialerSettings in CampaignJson's form, like
-- the assignment's settings_json): the settings are read and written whole, never queried by field.
CREATE TABLE sipring_campaign_dialer_settings (
  assignment_id BIGINT NOT NULL PRIMARY KEY,
  settings_json TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
