package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte-level UTF-8 check of {@link CsvText#firstBadLine} against the strict decoder it replaced: on random
 * mutations of valid text (Cyrillic, emoji, line breaks) both name the same first bad line. Replay a failure with
 * {@code -Dsipring.utf8.seed=N} (the seed is printed).
 */
class CsvTextUtf8CheckTest {
  private static final String SAMPLE = "ФИО;Телефон\r\nИванов Иван;8 (916) 000-00-00\nPetrov;+7 495 000 00 00\r"
      + "Ёжик 😀;89160000000\n\"кавычки; внутри\";79000000000\n";

  @Test
  void sameFirstBadLineAsTheStrictDecoder() {
    long seed = Long.getLong("sipring.utf8.seed", System.nanoTime());
    System.out.println("CsvTextUtf8CheckTest seed " + seed);
    Random r = new Random(seed);
    byte[] valid = SAMPLE.repeat(3).getBytes(StandardCharsets.UTF_8);
    assertThat(CsvText.firstBadLine(valid, StandardCharsets.UTF_8)).isZero();
    for (int round = 0; round < 20_000; round++) {
      byte[] b = valid.clone();
      int edits = 1 + r.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = r.nextInt(b.length);
        // bytes that break sequences: continuations, leads of every length, C0/C1, F5+, surrogate and overlong starts
        int[] hostile = {0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x8F,
            0x90, '\n', '\r', 'a'};
        b[at] = (byte) (r.nextBoolean() ? hostile[r.nextInt(hostile.length)] : r.nextInt(256));
      }
      if (r.nextInt(10) == 0) {
        b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1)); // a sequence cut off at the end
      }
      long expected = CsvText.firstBadLineDecoding(b, StandardCharsets.UTF_8);
      long actual = CsvText.firstBadLine(b, StandardCharsets.UTF_8);
      assertThat(actual).as("seed %d round %d", seed, round).isEqualTo(expected);
    }
  }

  @Test
  void namesTheLineOfEachKindOfBadSequence() {
    String[] bad = {"\u0080", "\u00c0\u00af", "\u00e0\u0080\u00af", "\u00ed\u00a0\u0080", "\u00f4\u0090\u0080\u0080",
        "\u00f5", "\u00e2\u0082"};
    for (String s : bad) {
      byte[] b = ("a\nb\r\nc\rd" + s + "\n").getBytes(StandardCharsets.ISO_8859_1);
      assertThat(CsvText.firstBadLine(b, StandardCharsets.UTF_8)).as(s).isEqualTo(4)
          .isEqualTo(CsvText.firstBadLineDecoding(b, StandardCharsets.UTF_8));
    }
  }
}
