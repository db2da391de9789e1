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
 * @param lockoutAfter wrong PINs from one device within {@code lockoutFor} that lock it out
 * @param lockoutFor the per-device window: a locked device is free again once its wrong PINs are this old
 * @param interfaceTemplate how to name the member from the caller's extension: {@code {exten}} is replaced by
 *     the caller's number ({@code Local/{exten}@from-queue/n} on FreePBX); null = the caller's own channel
 *     without its suffix ({@code PJSIP/501-0000001a} → {@code PJSIP/501})
 * @param stateInterfaceTemplate device-state interface for the member ({@code hint:{exten}@ext-local} on
 *     FreePBX), or null for none
 * @param allow the Asterisk addresses whose connections are served; every other peer is closed unserved
 * @param failureBudget wrong PINs from all devices together within {@code budgetWindow} that lock every login
 * @param budgetWindow the window of the overall budget
 * @param budgetCooldown how long every login stays locked once the budget is spent
 * @param headerTimeout how long a new connection may take to send its AGI header before it is closed
 */
public record AgentLoginSettings(InetAddress bindAddress, int port, String scriptName, String featureCode,
    Duration pinTimeout, int pinAttempts, int maxPinDigits, int lockoutAfter, Duration lockoutFor,
    @Nullable String interfaceTemplate, @Nullable String stateInterfaceTemplate, PeerAllowList allow,
    int failureBudget, Duration budgetWindow, Duration budgetCooldown, Duration headerTimeout) {

  /**
   * Checks the settings.
   *
   * @param bindAddress the address to listen on (never all interfaces by accident: the AGI port lets anyone who reaches
   *     it add queue members)
   * @param port FastAGI port (Asterisk's default 4573)
   * @param scriptName the script path in the dialplan's {@code agi://host:port/<scriptName>} URL
   * @param featureCode the dialled prefix before the queue number ({@code *45})
   * @param pinTimeout how long to wait for the PIN digits at each prompt
   * @param pinAttempts prompts per call before giving up
   * @param maxPinDigits longest PIN accepted
   * @param lockoutAfter wrong PINs from one device within {@code lockoutFor} that lock it out
   * @param lockoutFor the per-device window: a locked device is free again once its wrong PINs are this old
   * @param interfaceTemplate how to name the member from the caller's extension: {@code {exten}} is replaced by the
   *     caller's number ({@code Local/{exten}@from-queue/n} on FreePBX); null = the caller's own channel without its
   *     suffix ({@code PJSIP/501-0000001a} → {@code PJSIP/501})
   * @param stateInterfaceTemplate device-state interface for the member ({@code hint:{exten}@ext-local} on FreePBX), or
   *     null for none
   * @param allow the Asterisk addresses whose connections are served; every other peer is closed unserved
   * @param failureBudget wrong PINs from all devices together within {@code budgetWindow} that lock every login
   * @param budgetWindow the window of the overall budget
   * @param budgetCooldown how long every login stays locked once the budget is spent
   * @param headerTimeout how long a new connection may take to send its AGI header before it is closed
   * @throws BadInputException when the port is outside 0..65535, a count is below 1, or the interface template lacks
   *     {@code {exten}}
   */
  public AgentLoginSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(scriptName, "scriptName");
    Objects.requireNonNull(featureCode, "featureCode");
    Objects.requireNonNull(allow, "allow");
    Objects.requireNonNull(budgetWindow, "budgetWindow");
    Objects.requireNonNull(budgetCooldown, "budgetCooldown");
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    if (port < 0 || port > 65535) {
      throw new BadInputException("agi port", "must be 0..65535 (0: any free port), was " + port);
    }
    if (pinAttempts < 1 || maxPinDigits < 1 || lockoutAfter < 1 || failureBudget < 1) {
      throw new BadInputException("agi settings",
          "pinAttempts, maxPinDigits, lockoutAfter and failureBudget must be >= 1");
    }
    if (interfaceTemplate != null && !interfaceTemplate.contains("{exten}")) {
      throw new BadInputException("agi interfaceTemplate", "must contain {exten}: " + interfaceTemplate);
    }
  }

  /**
   * Loopback, port 4573, script {@code agent-login}, {@code *45}, 5 s per prompt, 3 prompts, 8 digits, 5 wrong
   * PINs from a device within 15 min lock it; only Asterisk on this host (loopback) is served; 20 wrong PINs from
   * any devices within 10 min lock every login for 15 min; 10 s for a connection to send its AGI header.
   *
   * @return the defaults
   */
  public static AgentLoginSettings defaults() {
    return new AgentLoginSettings(InetAddress.getLoopbackAddress(), 4573, "agent-login", "*45", Duration.ofSeconds(5),
        3, 8, 5, Duration.ofMinutes(15), null, null, PeerAllowList.loopbackOnly(), 20, Duration.ofMinutes(10),
        Duration.ofMinutes(15), Duration.ofSeconds(10));
  }

  /**
   * FreePBX naming: members {@code Local/<ext>@from-queue/n} with state {@code hint:<ext>@ext-local}.
   *
   * @return a copy with the FreePBX templates
   */
  public AgentLoginSettings withFreePbxInterfaces() {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, "Local/{exten}@from-queue/n", "hint:{exten}@ext-local", allow, failureBudget,
        budgetWindow, budgetCooldown, headerTimeout);
  }

  /**
   * @param address the address to listen on
   * @param p the port (0: any free port, see {@link AgentLoginService#port()})
   * @return a copy listening there
   */
  public AgentLoginSettings withBind(InetAddress address, int p) {
    return new AgentLoginSettings(address, p, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, interfaceTemplate, stateInterfaceTemplate, allow, failureBudget, budgetWindow,
        budgetCooldown, headerTimeout);
  }

  /**
   * @param timeout per prompt
   * @param attempts prompts per call
   * @param lockAfter wrong PINs from one device that lock it
   * @param lockFor the per-device window
   * @return a copy with these PIN rules
   */
  public AgentLoginSettings withPin(Duration timeout, int attempts, int lockAfter, Duration lockFor) {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, timeout, attempts, maxPinDigits,
        lockAfter, lockFor, interfaceTemplate, stateInterfaceTemplate, allow, failureBudget, budgetWindow,
        budgetCooldown, headerTimeout);
  }

  /**
   * @param peers the Asterisk addresses to serve (see {@link PeerAllowList#parse})
   * @return a copy serving only these peers
   */
  public AgentLoginSettings withAllow(PeerAllowList peers) {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, interfaceTemplate, stateInterfaceTemplate, peers, failureBudget, budgetWindow,
        budgetCooldown, headerTimeout);
  }

  /**
   * @param budget wrong PINs from all devices within {@code window} that lock every login
   * @param window the budget's window
   * @param cooldown how long every login stays locked
   * @return a copy with this overall budget
   */
  public AgentLoginSettings withFailureBudget(int budget, Duration window, Duration cooldown) {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, interfaceTemplate, stateInterfaceTemplate, allow, budget, window, cooldown,
        headerTimeout);
  }

  /**
   * @param timeout how long a new connection may take to send its AGI header
   * @return a copy with this header timeout
   */
  public AgentLoginSettings withHeaderTimeout(Duration timeout) {
    return new AgentLoginSettings(bindAddress, port, scriptName, featureCode, pinTimeout, pinAttempts, maxPinDigits,
        lockoutAfter, lockoutFor, interfaceTemplate, stateInterfaceTemplate, allow, failureBudget, budgetWindow,
        budgetCooldown, timeout);
  }
}
