package ru.sipring.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest {
  @Test
  void newestFirstAndLimited() {
    AuditLog log = AuditLog.inMemory();
    for (int i = 0; i < 5; i++) {
      log.record(new AuditEntry(Instant.ofEpochSecond(i), "admin", "agent.pause", "SIP/10" + i, ""));
    }
    assertThat(log.recent(2)).extracting(AuditEntry::target).containsExactly("SIP/104", "SIP/103");
    assertThat(log.recent(10)).hasSize(5);
  }

  @Test
  void anEntryNeedsItsActorAndAction() {
    assertThatThrownBy(() -> new AuditEntry(Instant.EPOCH, " ", "agent.pause", "x", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditLog.inMemory().recent(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
