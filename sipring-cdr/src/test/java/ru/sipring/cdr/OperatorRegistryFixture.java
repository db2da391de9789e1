package ru.sipring.cdr;

import java.time.Instant;
import java.util.List;
import ru.sipring.core.directory.AgentDirectory;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.directory.OperatorLoginLog;
import ru.sipring.testkit.contract.OperatorDirectoryContract;

/** Adapts an {@link OperatorRegistry} to the testkit's contract hooks. */
final class OperatorRegistryFixture {
  static final String SERVICE_PASSWORD = "sipring";
  static final PinHasher PINS = PinHasher.ofSecret("test-secret-not-for-production".getBytes());

  private OperatorRegistryFixture() {}

  static OperatorDirectoryContract.Subject subject(OperatorRegistry registry) {
    if (!registry.hasServicePassword()) {
      registry.setServicePassword(null, SERVICE_PASSWORD);
    }
    return new OperatorDirectoryContract.Subject() {
      @Override
      public AgentDirectory directory() {
        return registry;
      }

      @Override
      public OperatorAuthenticator authenticator() {
        return registry;
      }

      @Override
      public OperatorLoginLog loginLog() {
        return registry;
      }

      @Override
      public void addOperator(String number, String name, String pin) {
        registry.add(number, name, pin, SERVICE_PASSWORD);
      }

      @Override
      public void addAlias(String number, String agent) {
        registry.addAlias(number, agent, SERVICE_PASSWORD);
      }

      @Override
      public void setPin(String number, String pin) {
        registry.setPin(number, pin, SERVICE_PASSWORD);
      }

      @Override
      public void setActive(String number, boolean active) {
        registry.setActive(number, active, SERVICE_PASSWORD);
      }

      @Override
      public List<OperatorLoginLog.Entry> loginEntries(Instant from, Instant to) {
        return registry.loginEntries(from, to);
      }
    };
  }
}
