package ru.sipring.ami.agi;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * Settings of the {@code *45<queue>} FastAGI login service.
 *
 * @param bindAddress the address to listen on (never all interfaces by accident: the AGI port lets anyone who
 *     reaches it add queue members)
 * @param port FastAGI port (Asterisk's default 4573)
 * @param scriptName the script path in the dialplan's {@code agi://host:port/<scriptName>} URL
 * @param featureCode the dialled prefix before the queue number ({@code *45})
 * @param pinTimeout how long to wait for the PIN digits at each prompt
 * @param pinAttempts prompts per call before giving up
 * @param maxPinDigits longest PIN accepted
 * @param lockoutAfter wrong PINs from one device before it is locked out
 * @param lockoutFor how long a locked device stays locked
 * @param interfaceTemplate how to name the member from the caller's extension: {@code {exten}} is replaced by
 *     the caller's number ({@code Local/{exten}@from-queue/n} on FreePBX); null = the caller's own channel
 *     without its suffix ({@code PJSIP/501-0000001a} → {@code PJSIP/501})
 * @param stateInterfaceTemplate device-state interface for the member ({@code hint:{exten}@ext-local} on
 *     FreePBX), or null for none
 */
public record AgentLoginSettings(InetAddress bindAddress, int port, String scriptName, String featureCode,
    Duration pinTimeout, int pinAttempts, int maxPinDigits, int lockoutAfter, Duration lockoutFor,
    @Nullable String interfaceTemplate, @Nullable String stateInterfaceTemplate) {

  public AgentLoginSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(scriptName, "scriptName");
    Objects.requireNonNull(featureCode, "featureCode");
    if (port < 1 || port > 65535) {
      throw new BadInputException("agi port", "must be 1..65535, was " + port);
    }
    if (pinAttempts < 1 || maxPinDigits < 1 || lockoutAfter < 1) {
      throw new BadInputException("agi settings", "pinAttempts, maxPinDigits and lockoutAfter must be >= 1");
    }
    if (interfaceTemplate != null && !interfaceTemplate.contains("{exten}")) {
      throw new BadInputException("agi interfaceTemplate", "must contain {exten}: " + interfaceTemplate);
    }
  }

  /** Loopback, port 4573, script {@code agent-login}, {@code *45}, 5 s per prompt, 3 prompts, 8 digits, 5 failures lock for 15 min. */
  public static AgentLoginSettings defaults() {
    return new AgentLoginSettings(InetAddress.getLoopbackAddress(), 4573, "agent-login", "*45", Duration.ofSeconds(5),
        3, 8, 5, Duration.ofMinutes(15), null, null);
  }

  /** FreePBX naming: members {@code Local/<ext>@from-queue/n} with state {@code hint:<ext>@ext-local}. */
  public AgentLoginSettings withFreePbxInterfaces() {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, "Local/{exten}@from-queue/n", "hint:{exten}@ext-local");
  }

  public AgentLoginSettings withBind(InetAddress address, int p) {
    return new AgentLoginSettings(address, p, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, interfaceTemplate, stateInterfaceTemplate);
  }

  public AgentLoginSettings withPin(Duration timeout, int attempts, int lockAfter, Duration lockFor) {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, timeout, attempts, maxPinDigits,
        lockAfter, lockFor, interfaceTemplate, stateInterfaceTemplate);
  }
}
