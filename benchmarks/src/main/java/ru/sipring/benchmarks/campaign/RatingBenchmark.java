package ru.sipring.benchmarks.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.campaign.billing.TariffTable;

/**
 * Rating throughput: longest-prefix lookup among 10,000 prefixes (some with two validity periods) plus the cost
 * in kopecks, for pre-normalised numbers. {@code rateFastPath} is allocation-free; {@code rateWithRecord} is the
 * convenience API (normalisation, a Rating record and a BigDecimal per call).
 *
 * <p>Run: {@code java -jar benchmarks/target/sipring-benchmarks-*-all.jar RatingBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RatingBenchmark {
  private static final int PREFIXES = 10_000;
  private static final int NUMBERS = 1 << 16;

  private TariffTable table;
  private String[] numbers;
  private long[] seconds;
  private long at;
  private Instant atInstant;
  private int i;

  @Setup
  public void setUp() {
    Random rnd = new Random(20260114L);
    Set<String> prefixes = new HashSet<>();
    List<Tariff> tariffs = new ArrayList<>();
    Instant switchover = Instant.parse("2026-01-01T00:00:00Z");
    while (prefixes.size() < PREFIXES) {
      String p = "7" + Integer.toString(rnd.nextInt(1_000_000) + 1_000_000).substring(1, 2 + rnd.nextInt(5));
      if (!prefixes.add(p)) {
        continue;
      }
      BigDecimal price = BigDecimal.valueOf(50 + rnd.nextInt(500), 2);
      Tariff t = new Tariff(p, "d" + p, price, rnd.nextBoolean() ? 60 : 0, rnd.nextBoolean() ? 1 : 6,
          BigDecimal.valueOf(rnd.nextInt(50), 2), rnd.nextInt(4), BigDecimal.ZERO, null, null);
      if (rnd.nextInt(4) == 0) {
        tariffs.add(t.withValidity(null, switchover));
        tariffs.add(t.withValidity(switchover, null).withConnectCharge(BigDecimal.ONE));
      } else {
        tariffs.add(t);
      }
    }
    table = TariffTable.of(tariffs);
    numbers = new String[NUMBERS];
    seconds = new long[NUMBERS];
    for (int k = 0; k < NUMBERS; k++) {
      numbers[k] = "79" + String.format("%09d", rnd.nextInt(1_000_000_000));
      seconds[k] = rnd.nextInt(600);
    }
    atInstant = Instant.parse("2026-01-14T10:00:00Z");
    at = atInstant.getEpochSecond();
  }

  @Benchmark
  public long rateFastPath() {
    int k = i++ & (NUMBERS - 1);
    int t = table.lookup(numbers[k], at);
    return t < 0 ? -1 : table.costCents(t, seconds[k], true);
  }

  @Benchmark
  public Object rateWithRecord() {
    int k = i++ & (NUMBERS - 1);
    return table.rate(numbers[k], atInstant, seconds[k], true);
  }
}
