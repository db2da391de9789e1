package ru.sipring.campaign;

import java.util.Optional;
import ru.sipring.campaign.dialer.DialerSettings;

/**
 * The dialer settings an administrator gave per assignment
 * ({@link ru.sipring.campaign.dialer.DialerControl#configure}), so they survive restarts. Implementations are thread-safe.
 */
public interface DialerSettingsRepository {
  /**
   * The settings of an assignment's dialer.
   *
   * @param assignmentId the assignment
   * @return the settings, or empty when none were saved
   */
  Optional<DialerSettings> find(long assignmentId);

  /**
   * Saves the settings of an assignment's dialer, replacing the ones before.
   *
   * @param assignmentId the assignment
   * @param settings the settings
   */
  void save(long assignmentId, DialerSettings settings);
}
