package ru.sipring.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;
import ru.sipring.core.audit.AuditEntry;
import ru.sipring.core.audit.AuditLog;

class PanelUsersTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private final AuditLog audit = AuditLog.inMemory();
  private final PanelUserStore store = PanelUserStore.inMemory();
  private final PanelUsers users = new PanelUsers(store, PasswordPolicy.defaults(), pw -> "{test}" + pw.length(),
      audit, Clock.fixed(T, ZoneOffset.UTC), Set.of("admin"), "501"::equals);

  @Test
  void addStoresTheHashOnlyAndAuditsWithoutThePassword() {
    PanelUser u = users.add("admin", "maria", PanelRole.SUPERVISOR, "Kx7-lantern-9", null);
    assertThat(u.passwordHash()).isEqualTo("{test}13");
    assertThat(store.find("maria")).contains(u);
    assertThat(u.toString()).doesNotContain("{test}");
    assertThat(audit.recent(10)).containsExactly(
        new AuditEntry(T, "admin", "user.add", "maria", "SUPERVISOR"));
  }

  @Test
  void operatorsAreTheRegistrysPeople() {
    assertThatThrownBy(() -> users.add("admin", "op1", PanelRole.OPERATOR, "Kx7-lantern-9", null))
        .isInstanceOf(BadInputException.class).hasMessageContaining("operator");
    assertThatThrownBy(() -> users.add("admin", "op1", PanelRole.OPERATOR, "Kx7-lantern-9", "999"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("999");
    PanelUser op = users.add("admin", "op1", PanelRole.OPERATOR, "Kx7-lantern-9", "501");
    assertThat(op.operator()).isEqualTo("501");
    // a supervisor carries no operator number even when one is given
    assertThat(users.setRole("admin", "op1", PanelRole.SUPERVISOR, "501").operator()).isNull();
  }

  @Test
  void reservedTakenAndMalformedNamesAreRefused() {
    users.add("admin", "maria", PanelRole.SUPERVISOR, "Kx7-lantern-9", null);
    assertThatThrownBy(() -> users.add("admin", "admin", PanelRole.ADMIN, "Kx7-lantern-9", null))
        .isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> users.add("admin", "maria", PanelRole.ADMIN, "Kx7-lantern-9", null))
        .isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> users.add("admin", "<b>x</b>", PanelRole.ADMIN, "Kx7-lantern-9", null))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("name:");
    assertThat(store.list()).hasSize(1);
  }

  @Test
  void weakPasswordsAreRefusedWithoutQuotingThem() {
    for (String weak : new String[] {"short1", "aaaaaaaaaaaa", "maria-is-great", "password12", "qwerty1234"}) {
      assertThatThrownBy(() -> users.add("admin", "maria", PanelRole.SUPERVISOR, weak, null))
          .as(weak).isInstanceOf(BadInputException.class).hasMessageStartingWith("password:")
          .hasMessageNotContaining(weak);
    }
    assertThat(store.list()).isEmpty();
    assertThat(audit.recent(10)).isEmpty();
  }

  @Test
  void disableEnableRoleAndPasswordChangesAreAudited() {
    users.add("admin", "maria", PanelRole.SUPERVISOR, "Kx7-lantern-9", null);
    assertThat(users.setEnabled("admin", "maria", false).enabled()).isFalse();
    assertThat(users.setEnabled("admin", "maria", true).enabled()).isTrue();
    assertThat(users.setRole("admin", "maria", PanelRole.ADMIN, null).role()).isEqualTo(PanelRole.ADMIN);
    assertThat(users.resetPassword("admin", "maria", "another-Long-one7").passwordHash()).isEqualTo("{test}17");
    assertThatThrownBy(() -> users.setEnabled("maria", "maria", false)).isInstanceOf(RejectedException.class);
    assertThatThrownBy(() -> users.resetPassword("admin", "nobody", "another-Long-one7"))
        .isInstanceOf(NotFoundException.class);
    assertThat(audit.recent(10)).extracting(AuditEntry::action)
        .containsExactly("user.password", "user.role", "user.enable", "user.disable", "user.add");
    assertThat(audit.recent(10)).extracting(AuditEntry::detail).doesNotContain("another-Long-one7");
  }

  @Test
  void policyBounds() {
    assertThatThrownBy(() -> new PasswordPolicy(4)).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> PasswordPolicy.defaults().check("u", "x".repeat(4) + "abc".repeat(30)))
        .hasMessageContaining("too long");
    assertThat(PasswordPolicy.defaults().check("u", "correct-horse-7")).isEqualTo("correct-horse-7");
  }

  @Test
  void anApiTokenIsShownOnceStoredAsAHashAndStopsWorkingWhenRevokedOrTheUserDisabled() {
    users.add("admin", "crm", PanelRole.SUPERVISOR, "Kx7-lantern-9", null);
    String token = users.issueToken("admin", "crm");
    assertThat(token).startsWith("srt_").hasSize(47);
    assertThat(users.authenticateToken(token)).map(PanelUser::name).contains("crm");
    assertThat(store.findByTokenHash(PanelUsers.tokenHash(token))).isPresent();
    assertThat(users.authenticateToken(token + "x")).isEmpty();
    assertThat(users.authenticateToken("Kx7-lantern-9")).isEmpty();
    String second = users.issueToken("admin", "crm");
    assertThat(users.authenticateToken(token)).as("the old token is replaced").isEmpty();
    users.setEnabled("admin", "crm", false);
    assertThat(users.authenticateToken(second)).isEmpty();
    assertThatThrownBy(() -> users.issueToken("admin", "crm")).isInstanceOf(RejectedException.class);
    users.setEnabled("admin", "crm", true);
    assertThat(users.authenticateToken(second)).isPresent();
    users.revokeToken("admin", "crm");
    assertThat(users.authenticateToken(second)).isEmpty();
    assertThat(audit.recent(10)).extracting(AuditEntry::action).contains("user.token.issue", "user.token.revoke");
    assertThat(audit.recent(10)).allSatisfy(e -> assertThat(e.detail()).doesNotContain(second.substring(4)));
  }
}
