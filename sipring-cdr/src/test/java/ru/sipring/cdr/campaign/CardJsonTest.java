package ru.sipring.cdr.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.internal.CampaignJson;

/** The card JSON written on the streaming path is the text the data-binding mapper writes, whatever the cells hold. */
class CardJsonTest {
  private static final String ALPHABET = "aZ09 \"\\/<>&'\u0000\u0001\u001f\u007f\u00e9ЖЁ\u2028\u2029\uFEFF\uD83D\uDE00\uD800\n\r\t";

  @Test
  void sameTextAsTheMapperForSeededRandomCards() throws Exception {
    Random random = new Random(20261202L);
    for (int i = 0; i < 5_000; i++) {
      EnumMap<ContactField, String> fields = new EnumMap<>(ContactField.class);
      Map<String, String> custom = new LinkedHashMap<>();
      for (int k = random.nextInt(6); k > 0; k--) {
        fields.put(ContactField.values()[random.nextInt(ContactField.values().length)], text(random));
        custom.put(text(random), text(random));
      }
      assertThat(JdbiCampaignStore.jsonOfStrings(fields))
          .isEqualTo(CampaignJson.mapper().writeValueAsString(fields));
      assertThat(JdbiCampaignStore.jsonOfStrings(custom))
          .isEqualTo(CampaignJson.mapper().writeValueAsString(custom));
    }
  }

  @Test
  void anEmptyMapIsAnEmptyObject() {
    assertThat(JdbiCampaignStore.jsonOfStrings(Map.of())).isEqualTo("{}");
  }

  private static String text(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
