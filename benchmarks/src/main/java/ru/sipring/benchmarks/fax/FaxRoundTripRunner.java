package ru.sipring.benchmarks.fax;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import ru.sipring.fax.CoverPage;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxDocument;
import ru.sipring.fax.FaxJob;
import ru.sipring.fax.FaxQueue;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.SendRequest;
import ru.sipring.fax.SendResult;

/**
 * Whole-process timings against a real hfaxd (SIPRING_TEST_HFAXD, _USER, _PASSWORD from
 * .ci/services.d/30-hylafax.sh): login, send with a rendered cover page, list the send queue, kill + delete.
 * Usage: {@code FaxRoundTripRunner [iterations]} (default 20). Prints median and p90 per step in ms.
 */
public final class FaxRoundTripRunner {
  private FaxRoundTripRunner() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    FaxServerAddress address = FaxServerAddress.parse(System.getenv("SIPRING_TEST_HFAXD"), "SIPRING_TEST_HFAXD");
    FaxCredentials creds = FaxCredentials.of(System.getenv("SIPRING_TEST_HFAXD_USER"), System.getenv("SIPRING_TEST_HFAXD_PASSWORD"));
    FaxDocument doc = FaxDocument.fromBytes("note.txt", "Тестовый факс\nвторая строка\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "note.txt");
    long[] login = new long[n];
    long[] send = new long[n];
    long[] send3 = new long[n];
    long[] list = new long[n];
    long[] killDelete = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      try (HylaFaxClient c = HylaFaxClient.connect(address, creds)) {
        login[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        SendResult one = c.send(SendRequest.builder().to(number()).document(doc).cover(CoverPage.withSubject("Тест")).build());
        send[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        SendResult three = c.send(SendRequest.builder().to(number()).to(number()).to(number()).document(doc)
            .cover(CoverPage.withSubject("Тест")).killTime(Duration.ofHours(1)).build());
        send3[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        List<FaxJob> jobs = c.listJobs(FaxQueue.SEND);
        list[i] = System.nanoTime() - t0;
        if (jobs.isEmpty()) {
          throw new IllegalStateException("send queue empty after sending");
        }
        List<String> ids = new ArrayList<>();
        one.jobs().forEach(j -> ids.add(j.id()));
        three.jobs().forEach(j -> ids.add(j.id()));
        t0 = System.nanoTime();
        for (String id : ids) {
          c.kill(id);
        }
        for (String id : ids) {
          c.delete(id);
        }
        killDelete[i] = (System.nanoTime() - t0) / ids.size();
      }
    }
    System.out.printf("iterations: %d (hfaxd %s)%n", n, address);
    print("connect + login", login);
    print("send 1 number (text doc + cover)", send);
    print("send 3 numbers (text doc + cover)", send3);
    print("list sendq", list);
    print("kill + delete, per job", killDelete);
  }

  private static String number() {
    return "555" + ThreadLocalRandom.current().nextInt(1000000, 9999999);
  }

  private static void print(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf("%-36s median %7.1f ms   p90 %7.1f ms%n", what, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6);
  }
}
