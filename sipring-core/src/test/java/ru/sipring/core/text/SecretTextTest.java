package ru.sipring.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTextTest {

  @Test
  void userInfoPasswordIsMasked() {
    assertThat(SecretText.maskUrl("jdbc:mariadb://freepbx:S3cr3t!@pbx:3306/asteriskcdrdb"))
        .isEqualTo("jdbc:mariadb://freepbx:***@pbx:3306/asteriskcdrdb");
  }

  @Test
  void queryAndPropertyPasswordsAreMaskedInsideAMessage() {
    String msg = "cannot connect to jdbc:mariadb://pbx/cdr?user=u&password=hunter2&ssl=true "
        + "(also jdbc:h2:mem:x;PASSWORD=abc;MODE=MySQL, pwd=p1)";
    assertThat(SecretText.maskUrl(msg)).isEqualTo("cannot connect to jdbc:mariadb://pbx/cdr?user=u&password=***"
        + "&ssl=true (also jdbc:h2:mem:x;PASSWORD=***;MODE=MySQL, pwd=***)");
  }

  @Test
  void urlWithoutSecretIsUnchanged() {
    assertThat(SecretText.maskUrl("jdbc:mariadb://pbx:3306/asteriskcdrdb?useSsl=true"))
        .isEqualTo("jdbc:mariadb://pbx:3306/asteriskcdrdb?useSsl=true");
    assertThat(SecretText.maskUrl(null)).isEmpty();
  }
}
