package ru.sipring.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The duplicate-line memory: its hash covers every byte wherever the line sits, and compaction keeps the window. */
class RecentLinesTest {
  @Test
  void theHashDependsOnEveryByteAndNotOnWhereTheLineSits() {
    long seed = new Random().nextLong();
    System.out.println("RecentLinesTest seed " + seed);
    Random rnd = new Random(seed);
    for (int len = 0; len <= 80; len++) {
      byte[] line = new byte[len];
      rnd.nextBytes(line);
      int at = rnd.nextInt(9);
      byte[] placed = new byte[at + len + rnd.nextInt(9)];
      rnd.nextBytes(placed);
      System.arraycopy(line, 0, placed, at, len);
      long h = RecentLines.hash(line, 0, len);
      assertThat(RecentLines.hash(placed, at, at + len)).as("seed %d len %d", seed, len).isEqualTo(h);
      Set<Long> seen = new HashSet<>();
      seen.add(h);
      for (int i = 0; i < len; i++) {
        byte[] changed = Arrays.copyOf(line, len);
        changed[i] ^= (byte) (1 + rnd.nextInt(255));
        assertThat(seen.add(RecentLines.hash(changed, 0, len))).as("seed %d len %d byte %d", seed, len, i).isTrue();
      }
      if (len > 0) {
        assertThat(RecentLines.hash(line, 0, len - 1)).as("seed %d len %d", seed, len).isNotEqualTo(h);
      }
    }
  }

  @Test
  void compactionForgetsOnlyLinesOlderThanTheWindow() {
    RecentLines recent = new RecentLines();
    // 3,000 lines a second: the table compacts (and grows) many times within one second
    for (long t = 1000; t < 1010; t++) {
      for (int i = 0; i < 3000; i++) {
        byte[] line = (t + "|c" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(recent.seenBefore(line, 0, line.length, t)).as("t %d i %d", t, i).isFalse();
      }
      for (long back = t; back >= t - RecentLines.WINDOW && back >= 1000; back--) {
        for (int i = 0; i < 3000; i += 7) {
          byte[] line = (back + "|c" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
          assertThat(recent.seenBefore(line, 0, line.length, back)).as("t %d back %d i %d", t, back, i).isTrue();
        }
      }
    }
    assertThat(recent.capacity()).isLessThanOrEqualTo(1 << 17);
  }
}
