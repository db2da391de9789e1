package ru.sipring.survey;

import java.util.Optional;

/**
 * Finds a client card by the caller's normalised number. The outbound client base answers it through
 * sipring-campaign's {@code ClientCards} and a one-line lambda in the host (sipring-survey does not depend on
 * sipring-campaign), as can a host's own CRM. Implementations must be thread-safe and fast: they run while the operator's phone rings.
 */
@FunctionalInterface
public interface ClientCardLookup {
  /** A lookup that never finds anyone, for hosts without a client base. */
  ClientCardLookup NONE = number -> Optional.empty();

  /**
   * @param normalisedNumber digits only, Russian numbers as 11 digits starting with 7 (see
   *     {@link ru.sipring.core.text.PhoneNumber#normalize})
   * @return the client card, or empty when there is none
   */
  Optional<ClientCard> findByNumber(String normalisedNumber);
}
