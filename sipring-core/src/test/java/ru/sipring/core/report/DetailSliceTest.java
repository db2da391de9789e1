package ru.sipring.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DetailSlice#sortedRange}: the same rows as a stable sort of the whole table, for every page. */
class DetailSliceTest {
  private record Row(int key, int id) {}

  @Test
  void everyPageEqualsTheSameRangeOfAStableSortSeeded() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    for (int round = 0; round < 300; round++) {
      int n = rnd.nextInt(round < 50 ? 12 : 3000);
      int distinctKeys = 1 + rnd.nextInt(round % 3 == 0 ? 3 : 1000); // many ties in a third of the rounds
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(new Row(rnd.nextInt(distinctKeys), i));
      }
      Comparator<Row> order = Comparator.comparingInt(Row::key);
      if (rnd.nextBoolean()) {
        order = order.reversed();
      }
      List<Row> sorted = new ArrayList<>(rows);
      sorted.sort(order);
      for (int k = 0; k < 20; k++) {
        int size = 1 + rnd.nextInt(Math.max(1, n / 3 + 1));
        int from = n == 0 ? 0 : rnd.nextInt(n);
        if (k == 0) {
          from = 0; // the first page
        } else if (k == 1) {
          from = Math.max(0, n - size); // the last page
        }
        int to = Math.min(n, from + size);
        assertThat(DetailSlice.sortedRange(rows, order, from, to))
            .as("seed %d, n %d, [%d, %d)", seed, n, from, to)
            .containsExactlyElementsOf(sorted.subList(from, to));
      }
    }
  }

  @Test
  void equalKeysKeepTheReportsOrderAtBothEnds() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Row(i % 2, i));
    }
    Comparator<Row> desc = Comparator.comparingInt(Row::key).reversed();
    assertThat(DetailSlice.sortedRange(rows, desc, 0, 3)).extracting(Row::id).containsExactly(1, 3, 5);
    assertThat(DetailSlice.sortedRange(rows, desc, 997, 1000)).extracting(Row::id).containsExactly(994, 996, 998);
    assertThat(DetailSlice.sortedRange(rows, desc, 5, 5)).isEmpty();
  }
}
