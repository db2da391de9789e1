package ru.sipring.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Contract of a {@link CdrRepository}: order, the half-open window, the column filters and streaming. Lives
 * in this module's tests (the testkit cannot see {@code CdrRecord}: sipring-cdr depends on the testkit);
 * the in-memory and the MariaDB repositories both extend it.
 */
abstract class CdrRepositoryContract {

  /** A fresh repository that holds exactly these records. */
  protected abstract CdrRepository repositoryWith(List<CdrRecord> records);

  static CdrRecord cdr(String calldate, String src, String dst, String disposition, int duration, int billsec,
      String uniqueid, String linkedid) {
    return new CdrRecord(LocalDateTime.parse(calldate.replace(' ', 'T')), "\"Name\" <" + src + ">", src, dst,
        "from-internal", "PJSIP/" + src + "-00000001", "PJSIP/" + dst + "-00000002", "Dial",
        "PJSIP/" + dst + ",30,tr", Duration.ofSeconds(duration), Duration.ofSeconds(billsec), disposition, 3, "",
        uniqueid, "", "74950000000", "rg-" + uniqueid + ".wav", src, "Имя Фамилия", "", "", "", linkedid, "", 7);
  }

  static final List<CdrRecord> DAY = List.of(
      cdr("2024-05-01 08:59:59", "101", "200", "ANSWERED", 30, 20, "1714553999.1", "1714553999.1"),
      cdr("2024-05-01 09:00:00", "102", "200", "NO ANSWER", 15, 0, "1714554000.2", "1714554000.2"),
      cdr("2024-05-01 12:30:00", "101", "201", "BUSY", 3, 0, "1714566600.3", "1714566600.3"),
      cdr("2024-05-01 12:30:05", "101", "200", "ANSWERED", 125, 117, "1714566605.4", "1714566600.3"),
      cdr("2024-05-01 18:00:00", "103", "202", "FAILED", 0, 0, "1714586400.5", "1714586400.5"));

  @Test
  void readsEverythingInCalldateOrder() {
    List<CdrRecord> shuffled = new ArrayList<>(DAY);
    java.util.Collections.reverse(shuffled);

    assertThat(read(repositoryWith(shuffled), CdrQuery.all())).containsExactlyElementsOf(DAY);
  }

  @Test
  void windowIsHalfOpen() {
    CdrRepository repo = repositoryWith(DAY);
    CdrQuery q = CdrQuery.builder()
        .localWindow(LocalDateTime.parse("2024-05-01T09:00:00"), LocalDateTime.parse("2024-05-01T18:00:00")).build();

    assertThat(read(repo, q)).containsExactly(DAY.get(1), DAY.get(2), DAY.get(3));
  }

  @Test
  void windowInAZoneReadsThePbxWallClock() {
    CdrRepository repo = repositoryWith(DAY);
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    CdrQuery q = CdrQuery.builder()
        .window(Instant.parse("2024-05-01T06:00:00Z"), Instant.parse("2024-05-01T09:30:06Z"), moscow).build();

    assertThat(read(repo, q)).containsExactly(DAY.get(1), DAY.get(2), DAY.get(3));
  }

  @Test
  void columnFiltersCombine() {
    CdrRepository repo = repositoryWith(DAY);

    assertThat(read(repo, CdrQuery.builder().src("101").build())).containsExactly(DAY.get(0), DAY.get(2), DAY.get(3));
    assertThat(read(repo, CdrQuery.builder().src("101").dst("200").build())).containsExactly(DAY.get(0), DAY.get(3));
    assertThat(read(repo, CdrQuery.builder().disposition("ANSWERED").build())).containsExactly(DAY.get(0), DAY.get(3));
    assertThat(read(repo, CdrQuery.builder().uniqueid("1714586400.5").build())).containsExactly(DAY.get(4));
    assertThat(read(repo, CdrQuery.builder().linkedid("1714566600.3").build())).containsExactly(DAY.get(2), DAY.get(3));
    assertThat(read(repo, CdrQuery.builder().did("74950000000").src("999").build())).isEmpty();
  }

  @Test
  void readReturnsTheCountDelivered() {
    CdrRepository repo = repositoryWith(DAY);
    List<CdrRecord> got = new ArrayList<>();

    long n = repo.read(CdrQuery.builder().dst("200").build(), sink(got, new ArrayList<>()));

    assertThat(n).isEqualTo(3).isEqualTo(got.size());
  }

  @Test
  void manyRandomRowsComeBackEqual() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<CdrRecord> rows = new ArrayList<>();
    LocalDateTime t = LocalDateTime.parse("2023-12-31T23:00:00");
    String[] dispositions = {"ANSWERED", "NO ANSWER", "BUSY", "FAILED"};
    for (int i = 0; i < 2_000; i++) {
      t = t.plusSeconds(1 + random.nextInt(120)); // distinct calldates: the order is then fully defined
      int duration = random.nextInt(600);
      rows.add(cdr(t.toString().replace('T', ' '), "1" + random.nextInt(100), "2" + random.nextInt(50),
          dispositions[random.nextInt(4)], duration, random.nextInt(duration + 1), "1704060000." + i,
          "1704060000." + (i - random.nextInt(Math.min(i, 3) + 1))));
    }
    List<CdrRecord> shuffled = new ArrayList<>(rows);
    java.util.Collections.shuffle(shuffled, random);

    List<CdrRecord> got = read(repositoryWith(shuffled), CdrQuery.all());

    assertThat(got).as("seed %d", seed).containsExactlyElementsOf(rows);
    assertThat(got).isSortedAccordingTo(Comparator.comparing(CdrRecord::calldate));
  }

  static List<CdrRecord> read(CdrRepository repo, CdrQuery q) {
    List<CdrRecord> got = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    repo.read(q, sink(got, problems));
    assertThat(problems).isEmpty();
    return got;
  }

  static CdrRepository.Sink sink(List<CdrRecord> records, List<InputProblem> problems) {
    return new CdrRepository.Sink() {
      @Override
      public void record(CdrRecord record) {
        records.add(record);
      }

      @Override
      public void problem(InputProblem problem) {
        problems.add(problem);
      }
    };
  }
}
