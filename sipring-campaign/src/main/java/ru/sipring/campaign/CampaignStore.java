package ru.sipring.campaign;

/**
 * Every repository the outbound module needs, from one backing store: {@link InMemoryCampaignStore} (tests,
 * demos, and with a JSON file the CLI's embedded store) or the MariaDB one in sipring-cdr. Thread-safe.
 */
public interface CampaignStore {
  CampaignRepository campaigns();

  ContactRepository contacts();

  CallAttemptRepository attempts();

  WorkSessionRepository sessions();

  DncRepository dnc();

  MappingRepository mappings();

  DialerStateRepository dialerStates();
}
