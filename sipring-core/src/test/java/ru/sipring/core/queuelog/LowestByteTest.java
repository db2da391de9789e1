package ru.sipring.core.queuelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader's C1-friendly replacement for {@code Long.numberOfTrailingZeros(mask) >>> 3}. */
class LowestByteTest {
  @Test
  void isTheIndexOfTheLowestMarkedByteForEveryMaskOfHighBits() {
    // every combination of the eight high bits the SWAR masks can hold
    for (int bits = 1; bits < 256; bits++) {
      long mask = 0;
      for (int k = 0; k < 8; k++) {
        if ((bits & (1 << k)) != 0) {
          mask |= 0x80L << (8 * k);
        }
      }
      assertThat(LineReader.lowestByte(mask)).as("mask %x", mask)
          .isEqualTo(Long.numberOfTrailingZeros(mask) >>> 3);
    }
  }

  @Test
  void splitsRandomLinesLikeAByteByByteSplit() {
    long seed = new Random().nextLong();
    System.out.println("LowestByteTest seed " + seed);
    Random rnd = new Random(seed);
    StringBuilder text = new StringBuilder();
    List<List<String>> expected = new ArrayList<>();
    for (int n = 0; n < 3000; n++) {
      // pipes at every offset of an 8-byte word, fields of 0 to 11 bytes, up to the 16-field limit
      List<String> fields = new ArrayList<>(List.of(Integer.toString(1000 + rnd.nextInt(1000))));
      int count = 5 + rnd.nextInt(QueueLogLine.MAX_FIELDS - 4);
      for (int f = 1; f < count; f++) {
        fields.add(f == 4 ? "E" + "x".repeat(rnd.nextInt(12)) : "y".repeat(rnd.nextInt(12)));
      }
      expected.add(fields);
      text.append(String.join("|", fields)).append('\n');
    }
    List<List<String>> got = new ArrayList<>();
    QueueLogInput.stream("s", new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)))
        .read(new QueueLogSink() {
          @Override
          public void line(QueueLogLine line) {
            List<String> fields = new ArrayList<>();
            for (int f = 0; f < line.fieldCount(); f++) {
              fields.add(line.field(f));
            }
            got.add(fields);
          }

          @Override
          public void problem(InputProblem problem) {
            throw new AssertionError("seed " + seed + ": " + problem);
          }
        });
    assertThat(got).as("seed %d", seed).isEqualTo(expected);
  }
}
