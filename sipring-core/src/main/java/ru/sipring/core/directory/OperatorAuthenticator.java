package ru.sipring.core.directory;

import java.util.Optional;

/**
 * Finds the active operator who owns a PIN typed on a phone keypad (the guide's {@code *45<queue>} login).
 *
 * <p>Implementations must be thread-safe, must never log or keep the PIN, and should find the operator in
 * one indexed lookup (the database adapter stores a keyed hash of the PIN, not the PIN).
 */
public interface OperatorAuthenticator {

  /**
   * The active operator with this PIN, or empty when no active operator has it.
   *
   * @param pin the digits typed, never logged
   * @return the operator, or empty
   */
  Optional<Operator> authenticate(String pin);
}
