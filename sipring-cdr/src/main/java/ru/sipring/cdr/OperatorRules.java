package ru.sipring.cdr;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;
import ru.sipring.core.text.ProtocolText;
import ru.sipring.core.text.TerminalText;

/** Validation and agent-value rules shared by every {@link OperatorRegistry}. Stateless. */
final class OperatorRules {
  static final int MAX_PIN_DIGITS = 16;

  private OperatorRules() {}

  static String number(String number) {
    if (number == null || number.isBlank() || number.length() > 40) {
      throw new BadInputException("number", "operator number must be 1–40 characters, was '"
          + TerminalText.escape(number) + "'");
    }
    ProtocolText.requireHeaderSafe("number", number);
    return number.strip();
  }

  static String name(String name) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new BadInputException("name", "full name must be 1–200 characters");
    }
    // the name is sent to Asterisk as the member name at every *45 login and written to logs: a CR/LF in it
    // would start another AMI action or forge a log line
    ProtocolText.requireHeaderSafe("name", name);
    return name.strip();
  }

  /** Checks a PIN without ever putting it in the message. */
  static @Nullable String pin(@Nullable String pin) {
    if (pin == null) {
      return null;
    }
    if (pin.isEmpty() || pin.length() > MAX_PIN_DIGITS || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadInputException("pin", "a PIN is 1–" + MAX_PIN_DIGITS
          + " digits (it is typed on a phone keypad)");
    }
    return pin;
  }

  static String agent(String agent) {
    if (agent == null || agent.isBlank() || agent.length() > 128) {
      throw new BadInputException("agent", "agent value must be 1–128 characters");
    }
    ProtocolText.requireHeaderSafe("agent", agent);
    return agent.strip();
  }

  /**
   * The extension inside a device interface: {@code PJSIP/501} → 501, {@code Local/501@from-queue/n} → 501,
   * {@code SIP/501-0000001a} → 501; null when the value is not an interface.
   */
  static @Nullable String extensionOf(String agent) {
    int slash = agent.indexOf('/');
    if (slash <= 0 || slash == agent.length() - 1) {
      return null;
    }
    String rest = agent.substring(slash + 1);
    int end = rest.length();
    for (char stop : new char[] {'@', '/', '-', ','}) {
      int i = rest.indexOf(stop);
      if (i > 0 && i < end) {
        end = i;
      }
    }
    String ext = rest.substring(0, end);
    return ext.isEmpty() ? null : ext;
  }

  /** What to look up for an agent value, in order: the value as alias/number/name, then its extension. */
  static List<String> candidates(String agent) {
    List<String> out = new ArrayList<>(2);
    out.add(agent);
    String ext = extensionOf(agent);
    if (ext != null && !ext.equals(agent)) {
      out.add(ext);
    }
    return out;
  }
}
