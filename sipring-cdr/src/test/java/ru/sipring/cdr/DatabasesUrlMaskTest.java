package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.sipring.core.BadInputException;

class DatabasesUrlMaskTest {

  @Test
  void aUrlWithoutJdbcPrefixIsRefusedWithItsPasswordMasked() {
    assertThatThrownBy(() -> Databases.pooled("mariadb://freepbx:S3cret!@pbx:3306/asteriskcdrdb", null, null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a JDBC URL: mariadb://freepbx:***@pbx:3306/asteriskcdrdb")
        .hasMessageNotContaining("S3cret");
    assertThatThrownBy(() -> Databases.pooled("pbx/cdr?user=u&password=hunter2", null, null))
        .hasMessageContaining("password=***").hasMessageNotContaining("hunter2");
  }
}
