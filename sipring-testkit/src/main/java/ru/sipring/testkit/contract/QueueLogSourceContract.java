package ru.sipring.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.queuelog.QueueLogRecord;
import ru.sipring.core.queuelog.QueueLogSource;

/**
 * Contract of a {@link QueueLogSource} that stores records (the realtime {@code queue_log} table, a
 * buffer): every record stored comes back equal and in the stored order, including records that share a
 * second, have no data, have more data fields than a table has columns, or carry non-ASCII text. Extend it
 * in a test class named {@code ...Test}; {@link #sourceWith} stores the records in a fresh source.
 *
 * <p>Records given to {@link #sourceWith} are in the normal form every source delivers: no trailing empty
 * data fields ({@code data(n)} already answers "" for absent fields).
 */
public abstract class QueueLogSourceContract {

  /**
   * A fresh source that holds exactly these records, in this order.
   *
   * @param records the records, in the normal form
   * @return the source under test
   */
  protected abstract QueueLogSource sourceWith(List<QueueLogRecord> records);

  @Test
  void emptySourceDeliversNothing() {
    Collected got = readAll(sourceWith(List.of()));

    assertThat(got.records).isEmpty();
    assertThat(got.problems).isEmpty();
  }

  @Test
  void nameIsDescriptive() {
    assertThat(sourceWith(List.of()).name()).isNotBlank();
  }

  @Test
  void typicalCallReadsBackEqualAndInOrder() {
    List<QueueLogRecord> call = List.of(
        rec(1_700_000_000L, "NONE", "NONE", "NONE", "QUEUESTART"),
        rec(1_700_000_010L, "NONE", "150", "PJSIP/501", "ADDMEMBER"),
        rec(1_700_000_100L, "1700000100.15", "150", "NONE", "ENTERQUEUE", "", "79161234567", "1"),
        rec(1_700_000_100L, "1700000100.15", "150", "Петрова ЛВ", "RINGNOANSWER", "15000"),
        rec(1_700_000_112L, "1700000100.15", "150", "Петрова ЛВ", "CONNECT", "12", "1700000112.16", "3"),
        rec(1_700_000_200L, "1700000100.15", "150", "Петрова ЛВ", "COMPLETECALLER", "12", "88", "1"),
        rec(1_700_000_300L, "1700000300.20", "150", "NONE", "ENTERQUEUE", "", "", "1"),
        rec(1_700_000_305L, "1700000300.20", "150", "Петрова ЛВ", "ATTENDEDTRANSFER", "LINK",
            "1700000305.21", "1700000305.22", "5", "40", "1"),
        rec(1_700_000_400L, "NONE", "NONE", "PJSIP/501", "PAUSEALL", "Обед"));

    Collected got = readAll(sourceWith(call));

    assertThat(got.problems).isEmpty();
    assertThat(got.records).containsExactlyElementsOf(call);
  }

  @Test
  void randomRecordsReadBackEqual() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<QueueLogRecord> records = new ArrayList<>();
    long t = 1_600_000_000L;
    String[] events = {"ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "ABANDON", "RINGNOANSWER", "PAUSE", "CUSTOM"};
    for (int i = 0; i < 300; i++) {
      t += random.nextInt(3);
      int fields = random.nextInt(8);
      List<String> data = new ArrayList<>();
      for (int f = 0; f < fields; f++) {
        data.add(random.nextInt(4) == 0 ? "" : Integer.toString(random.nextInt(100_000)));
      }
      while (!data.isEmpty() && data.get(data.size() - 1).isEmpty()) {
        data.remove(data.size() - 1);
      }
      records.add(new QueueLogRecord(t, t + "." + i, "q" + random.nextInt(5),
          random.nextBoolean() ? "NONE" : "PJSIP/" + (500 + random.nextInt(20)),
          events[random.nextInt(events.length)], data));
    }

    Collected got = readAll(sourceWith(records));

    assertThat(got.problems).as("seed %d", seed).isEmpty();
    assertThat(got.records).as("seed %d", seed).containsExactlyElementsOf(records);
  }

  /**
   * Reads a source to the end, collecting records and problems.
   *
   * @param source the source
   * @return what it delivered
   */
  public static Collected readAll(QueueLogSource source) {
    Collected c = new Collected();
    source.read(c);
    return c;
  }

  /** A sink that keeps what it receives. */
  public static final class Collected implements QueueLogSource.Sink {
    /** Records received, in order. */
    public final List<QueueLogRecord> records = new ArrayList<>();
    /** Problems received, in order. */
    public final List<InputProblem> problems = new ArrayList<>();

    @Override
    public void record(QueueLogRecord record) {
      records.add(record);
    }

    @Override
    public void problem(InputProblem problem) {
      problems.add(problem);
    }
  }

  /**
   * A record for tests.
   *
   * @param epoch seconds since the epoch
   * @param callId the callid
   * @param queue the queue
   * @param agent the agent column
   * @param event the event name
   * @param data the data fields
   * @return the record
   */
  protected static QueueLogRecord rec(long epoch, String callId, String queue, String agent, String event,
      String... data) {
    return new QueueLogRecord(epoch, callId, queue, agent, event, List.of(data));
  }
}
