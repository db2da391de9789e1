package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

class PinPolicyTest {
  private static final PinHasher PINS = PinHasher.ofSecret("pin-policy-test-secret".getBytes(StandardCharsets.UTF_8));

  @Test
  void shortAndTrivialPinsAreRefusedWithoutEchoingThem() {
    PinPolicy p = PinPolicy.defaults();
    for (String weak : new String[] {"1", "12", "739", "1111", "0000", "1234", "4321", "0123", "6789", "7890",
        "9876", "3210", "8901", "12345678", "999999"}) {
      assertThatThrownBy(() -> p.check(weak)).as(weak).isInstanceOf(BadInputException.class)
          .satisfies(e -> assertThat(((BadInputException) e).location()).isEqualTo("pin"))
          // one of two fixed sentences: the PIN itself is never part of it
          .satisfies(e -> assertThat(e.getMessage()).isIn("pin: too short: a PIN needs at least 4 digits",
              "pin: too easy to guess (one digit repeated, or a run such as 1234 or 4321): choose another"));
    }
    for (String ok : new String[] {"7391", "1235", "1212", "50827", "2468"}) {
      assertThat(p.check(ok)).isEqualTo(ok);
    }
    assertThat(new PinPolicy(6).check("739152")).isEqualTo("739152");
    assertThatThrownBy(() -> new PinPolicy(6).check("73915")).hasMessageContaining("at least 6 digits");
  }

  @Test
  void registriesApplyThePolicyWhenAPinIsSetButOldPinsStillLogIn() {
    InMemoryOperatorRegistry r = InMemoryOperatorRegistry.of(PINS);
    r.setServicePassword(null, "svc");
    assertThatThrownBy(() -> r.add("501", "Петрова ЛВ", "1234", "svc")).isInstanceOf(BadInputException.class)
        .hasMessage("pin: too easy to guess (one digit repeated, or a run such as 1234 or 4321): choose another");
    assertThatThrownBy(() -> r.add("501", "Петрова ЛВ", "739", "svc")).hasMessageContaining("at least 4 digits");
    assertThat(r.list()).isEmpty();
    r.add("501", "Петрова ЛВ", "7391", "svc");
    assertThatThrownBy(() -> r.setPin("501", "5555", "svc")).isInstanceOf(BadInputException.class);
    assertThat(r.authenticate("7391")).isPresent();

    InMemoryOperatorRegistry lax = InMemoryOperatorRegistry.of(PINS, new PinPolicy(3));
    lax.setServicePassword(null, "svc");
    assertThat(lax.add("502", "Иванов ИИ", "739", "svc").hasPin()).isTrue();
  }

  @Test
  void operatorNamesWithControlCharactersAreRefusedWhenStored() {
    InMemoryOperatorRegistry r = InMemoryOperatorRegistry.of(PINS);
    r.setServicePassword(null, "svc");
    String evil = "Петрова\r\n\r\nAction: Originate\r\nChannel: Local/1@x\r\nApplication: System\r\nData: id";
    assertThatThrownBy(() -> r.add("501", evil, "7391", "svc")).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("name: contains the control character \\r");
    r.add("501", "Петрова ЛВ", "7391", "svc");
    assertThatThrownBy(() -> r.rename("501", "x\u001b]0;pwned\u0007", "svc")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> r.addAlias("501", "PJSIP/501\n", "svc")).isInstanceOf(BadInputException.class);
    assertThat(r.find("501")).get().extracting(OperatorInfo::name).isEqualTo("Петрова ЛВ");
  }
}
