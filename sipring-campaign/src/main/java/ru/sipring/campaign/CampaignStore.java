package ru.sipring.campaign;

/**
 * Every repository the outbound module needs, from one backing store: {@link InMemoryCampaignStore} (tests,
 * demos, and with a JSON file the CLI's embedded store) or the MariaDB one in sipring-cdr. Thread-safe.
 */
public interface CampaignStore {
  /**
   * The project, task and assignment hierarchy.
   *
   * @return the repository
   */
  CampaignRepository campaigns();

  /**
   * The client cards.
   *
   * @return the repository
   */
  ContactRepository contacts();

  /**
   * The call attempts.
   *
   * @return the repository
   */
  CallAttemptRepository attempts();

  /**
   * The operators' work sessions.
   *
   * @return the repository
   */
  WorkSessionRepository sessions();

  /**
   * The do-not-call lists.
   *
   * @return the repository
   */
  DncRepository dnc();

  /**
   * The saved CSV column mappings.
   *
   * @return the repository
   */
  MappingRepository mappings();

  /**
   * The dialers' state per assignment.
   *
   * @return the repository
   */
  DialerStateRepository dialerStates();

  /**
   * The dialers' settings per assignment.
   *
   * @return the repository
   */
  DialerSettingsRepository dialerSettings();
}
