package ru.sipring.survey;

import java.util.Map;
import java.util.Objects;

/**
 * What the operator sees about the caller on the screen pop ("карточка клиента"). Immutable.
 *
 * @param clientId the client's id in the client base
 * @param name display name
 * @param number the normalised number it was found by
 * @param details further fields to show (company, last call, campaign status...), in display order
 */
public record ClientCard(String clientId, String name, String number, Map<String, String> details) {
  /**
   * Checks the components.
   *
   * @param clientId the client's id in the client base
   * @param name display name
   * @param number the normalised number it was found by
   * @param details further fields to show (company, last call, campaign status...), in display order
   */
  public ClientCard {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(number, "number");
    details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
  }
}
