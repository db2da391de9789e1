package ru.sipring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminPasswordTest {
  @Test
  void noPasswordAnywhereIsOneClearLineAndNoDefault() {
    assertThatThrownBy(() -> AdminPassword.resolve(Map.of(), new String[0]))
        .isInstanceOf(AdminPassword.Missing.class)
        .hasMessage("no admin password: set SIPRING_ADMIN_PASSWORD (or SIPRING_ADMIN_PASSWORD_FILE naming a file"
            + " that holds it) to the password of the user 'admin'; there is no default password");
  }

  @Test
  void fromTheEnvironmentTheFileOrTheCommandLine(@TempDir Path dir) throws Exception {
    assertThat(AdminPassword.resolve(Map.of("SIPRING_ADMIN_PASSWORD", "from-env-123"), new String[0]))
        .isEqualTo("from-env-123");
    Path f = dir.resolve("admin.pw");
    Files.writeString(f, "from-file-123\n");
    assertThat(AdminPassword.resolve(Map.of("SIPRING_ADMIN_PASSWORD_FILE", f.toString()), new String[0]))
        .isEqualTo("from-file-123");
    assertThat(AdminPassword.resolve(Map.of(), new String[] {"--sipring.web.admin-password=from-args-1"}))
        .isEqualTo("from-args-1");
    assertThatThrownBy(() -> AdminPassword.resolve(Map.of("SIPRING_ADMIN_PASSWORD_FILE", dir.resolve("none")
        .toString()), new String[0])).hasMessageStartingWith("SIPRING_ADMIN_PASSWORD_FILE: cannot read");
    assertThatThrownBy(() -> AdminPassword.resolve(Map.of("SIPRING_ADMIN_PASSWORD", "short"), new String[0]))
        .hasMessage("SIPRING_ADMIN_PASSWORD: the admin password must have at least 8 characters");
  }

  @Test
  void theApplicationRefusesToStartWithoutOne() {
    // the test JVM has no SIPRING_ADMIN_PASSWORD; an empty property means "not given"
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SIPRING_ADMIN_PASSWORD") == null
        && System.getenv("SIPRING_ADMIN_PASSWORD_FILE") == null, "the environment sets an admin password");
    assertThatThrownBy(() -> new SpringApplicationBuilder(SipRingWebApplication.class)
        .properties("server.port=0", "sipring.web.admin-password=").run().close())
        .rootCause().isInstanceOf(AdminPassword.Missing.class).hasMessageStartingWith("no admin password");
  }
}
