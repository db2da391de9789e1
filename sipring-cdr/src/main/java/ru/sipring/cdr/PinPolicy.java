package ru.sipring.cdr;

import ru.sipring.core.BadInputException;

/**
 * What a new operator PIN must be: at least {@code minDigits} digits, and not trivially guessable (one digit
 * repeated, {@code 1111}; a run up or down the keypad digits, {@code 1234}, {@code 4321}, {@code 7890}). A
 * PIN is the only secret of the {@code *45} login and a guesser tries exactly these first. Applied when a PIN is
 * set ({@link OperatorRegistry#add}, {@link OperatorRegistry#setPin}); PINs already stored keep working.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minDigits the shortest PIN accepted (at least 1; the default is 4)
 */
public record PinPolicy(int minDigits) {
  /** The default shortest PIN. */
  public static final int DEFAULT_MIN_DIGITS = 4;

  /**
   * Checks and copies the components.
   *
   * @param minDigits the shortest PIN accepted (at least 1; the default is 4)
   */

  public PinPolicy {
    if (minDigits < 1 || minDigits > OperatorRules.MAX_PIN_DIGITS) {
      throw new BadInputException("pin policy", "the minimum PIN length must be 1.." + OperatorRules.MAX_PIN_DIGITS
          + ", was " + minDigits);
    }
  }

  /**
   * At least {@value #DEFAULT_MIN_DIGITS} digits, nothing trivial.
   *
   * @return the default policy
   */
  public static PinPolicy defaults() {
    return new PinPolicy(DEFAULT_MIN_DIGITS);
  }

  /**
   * Checks a PIN (digits only, already checked) without ever putting it in the message.
   *
   * @param pin the new PIN
   * @return {@code pin}
   * @throws BadInputException naming {@code pin}, saying which rule it breaks
   */
  public String check(String pin) {
    if (pin.length() < minDigits) {
      throw new BadInputException("pin", "too short: a PIN needs at least " + minDigits + " digits");
    }
    if (trivial(pin)) {
      throw new BadInputException("pin", "too easy to guess (one digit repeated, or a run such as 1234 or 4321):"
          + " choose another");
    }
    return pin;
  }

  /** One digit repeated, or every step +1 or every step -1 (wrapping 9→0 and 0→9, as on the keypad). */
  static boolean trivial(String pin) {
    if (pin.length() < 2) {
      return false;
    }
    boolean same = true;
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < pin.length(); i++) {
      int step = Math.floorMod(pin.charAt(i) - pin.charAt(i - 1), 10);
      same &= step == 0;
      up &= step == 1;
      down &= step == 9;
    }
    return same || up || down;
  }
}
