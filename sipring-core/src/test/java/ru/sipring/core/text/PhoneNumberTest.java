package ru.sipring.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

  @Test
  void russianNumbersHaveOneNormalForm() {
    // the two old normalisers disagreed on the bare ten-digit mobile: campaign kept 9161234567
    assertThat(PhoneNumber.normalize("9161234567")).isEqualTo("79161234567");
    assertThat(PhoneNumber.normalize("8 (916) 123-45-67")).isEqualTo("79161234567");
    assertThat(PhoneNumber.normalize("+7 916 123 45 67")).isEqualTo("79161234567");
    assertThat(PhoneNumber.normalize("89857616856")).isEqualTo("79857616856");
    assertThat(PhoneNumber.normalize("8998884545")).isEqualTo("8998884545"); // 10 digits, not a mobile: kept
    assertThat(PhoneNumber.normalize("4957775225")).isEqualTo("74957775225"); // caller ids in national form
    assertThat(PhoneNumber.normalize("3433000000")).isEqualTo("73433000000");
    assertThat(PhoneNumber.normalize("101")).isEqualTo("101");
    assertThat(PhoneNumber.normalize("881")).isEqualTo("881");
    assertThat(PhoneNumber.normalize("anonymous")).isEmpty();
    assertThat(PhoneNumber.normalize("")).isEmpty();
    assertThat(PhoneNumber.normalize(null)).isEmpty();
  }

  @Test
  void extensionsAreKeptApart() {
    for (String raw : new String[] {"8916 000 11 22 доб. 5", "8916 000 11 22 доб 5", "+7 916 000-11-22 ext 5",
        "89160001122 ext. 5", "89160001122x5", "8 916 000 11 22 x 5", "89160001122#5", "8916 000 11 22, доб. 5",
        "8916 000 11 22 ДОБ.5", "8916 000 11 22 добавочный 5", "9160001122 EXT 5"}) {
      assertThat(PhoneNumber.parse(raw)).as(raw).isEqualTo(new PhoneNumber("79160001122", "5"));
    }
    assertThat(PhoneNumber.parse("+7 495 777-52-25 доб. 1234")).isEqualTo(new PhoneNumber("74957775225", "1234"));
    assertThat(PhoneNumber.parse("#5")).isEqualTo(new PhoneNumber("5", ""));
    assertThat(PhoneNumber.parse("8 916 000 11 22").extension()).isEmpty();
  }

  @Test
  void anotherCountryIsConfigurable() {
    PhoneNumber.Plan ukraine = new PhoneNumber.Plan("380", "0", 9, "");
    assertThat(PhoneNumber.parse("044 123 45 67", ukraine).digits()).isEqualTo("380441234567");
    assertThat(PhoneNumber.parse("+380 44 123 45 67", ukraine).digits()).isEqualTo("380441234567");
  }

  @Test
  void theNormalFormIsIdempotent() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    String alphabet = "0123456789+-() .#xдоб,;ext";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(20); n > 0; n--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String once = PhoneNumber.normalize(sb.toString());
      assertThat(PhoneNumber.normalize(once)).as("seed %d, input '%s'", seed, sb).isEqualTo(once);
      assertThat(once).as("seed %d", seed).matches("\\d*");
    }
  }
  @Test
  void theExtensionPatternIsSkippedOnlyWhereItCannotMatch() {
    // a number without a letter or '#' skips the pattern; the pattern itself, run on every seeded random string,
    // finds an extension in none of those
    java.util.regex.Pattern extension = java.util.regex.Pattern.compile(
        "(?iu)(?:[\\s,;]*(?:доб(?:авочный)?|ext(?:ension)?|вн(?:утр(?:енний)?)?)\\.?\\s*|\\s*[x#]\\s*)(\\d{1,8})\\s*$");
    String alphabet = "0123456789 ()-+.,;\t\u00a0\u2007#xXдобДОБextEXTвнВН";
    Random random = new Random(20261202L);
    int withoutMarker = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = 1 + random.nextInt(24); n > 0; n--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String raw = sb.toString();
      boolean marker = raw.chars().anyMatch(c -> c == '#' || Character.isLetter(c));
      if (!marker) {
        withoutMarker++;
        assertThat(extension.matcher(raw).find()).as(raw).isFalse();
        assertThat(PhoneNumber.parse(raw).extension()).as(raw).isEmpty();
      }
    }
    assertThat(withoutMarker).isGreaterThan(1_000);
  }
}
