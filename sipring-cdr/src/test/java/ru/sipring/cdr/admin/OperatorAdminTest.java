package ru.sipring.cdr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import ru.sipring.cdr.InMemoryOperatorRegistry;
import ru.sipring.cdr.PinHasher;
import ru.sipring.core.BadInputException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

class OperatorAdminTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private final AuditLog audit = AuditLog.inMemory();
  private final OperatorAdmin admin = new OperatorAdmin(InMemoryOperatorRegistry.of(
      PinHasher.ofSecret("test-secret-not-for-production".getBytes(StandardCharsets.UTF_8))), audit,
      Clock.fixed(T, ZoneOffset.UTC));

  @Test
  void everyEditIsAuditedAndNoPinOrPasswordIsEverWritten() {
    admin.setServicePassword("admin", null, "svc-pass-1");
    admin.add("admin", "501", "Иванова А.", "2580", "svc-pass-1");
    admin.rename("admin", "501", "Иванова Анна", "svc-pass-1");
    admin.setPin("admin", "501", "3691", "svc-pass-1");
    admin.resetPin("admin", "501", "svc-pass-1");
    admin.setActive("admin", "501", false, "svc-pass-1");
    assertThat(audit.recent(10)).extracting(AuditEntry::action).containsExactly("operator.disable",
        "operator.pin.reset", "operator.pin.set", "operator.rename", "operator.add", "operator.service-password");
    assertThat(audit.recent(10)).allSatisfy(e -> assertThat(e.detail() + e.target())
        .doesNotContain("2580", "3691", "svc-pass-1"));
    assertThat(admin.list()).singleElement().satisfies(o -> {
      assertThat(o.active()).isFalse();
      assertThat(o.hasPin()).isFalse();
      assertThat(o.name()).isEqualTo("Иванова Анна");
    });
  }

  @Test
  void theServicePasswordRuleAndThePinPolicyHoldAndRefusalsAreAudited() {
    assertThatThrownBy(() -> admin.add("admin", "501", "A", null, "x")).isInstanceOf(RejectedException.class)
        .hasMessageContaining("no service password");
    admin.setServicePassword("admin", null, "svc-pass-1");
    assertThatThrownBy(() -> admin.add("admin", "501", "A", null, "nope-guess")).isInstanceOf(RejectedException.class)
        .hasMessageContaining("wrong service password");
    admin.add("admin", "501", "A", null, "svc-pass-1");
    assertThatThrownBy(() -> admin.setPin("admin", "501", "7777", "svc-pass-1"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("too easy");
    assertThatThrownBy(() -> admin.setServicePassword("admin", "nope-guess", "next-one"))
        .isInstanceOf(RejectedException.class);
    assertThat(audit.recent(1).get(0).detail()).startsWith("changed; failed:");
    assertThat(audit.recent(10)).filteredOn(e -> e.detail().contains("failed")).hasSize(4)
        .allSatisfy(e -> assertThat(e.detail()).doesNotContain("7777", "nope-guess", "next-one"));
  }
}
