package ru.sipring.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import ru.sipring.cdr.DatabasePool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.cdr.Databases;
import ru.sipring.cdr.campaign.JdbiCampaignStore;
import ru.sipring.cli.SipRingCli;

/**
 * {@code campaign import} without {@code --db} uses the embedded database, and two imports at the same time never
 * lose one silently: each base that was reported imported is there, whole, and a refused one says so in one line.
 */
class EmbeddedStoreConcurrencyTest {
  private static final int ROWS = 20_000;
  @TempDir Path tmp;

  private record Outcome(int exit, String out, String err) {}

  private Path base(String name, int firstNumber) throws IOException {
    StringBuilder sb = new StringBuilder("ФИО;Номер телефона\n");
    for (int i = 0; i < ROWS; i++) {
      sb.append("Клиент ").append(i).append(";8916").append(String.format("%07d", firstNumber + i)).append('\n');
    }
    return Files.writeString(tmp.resolve(name), sb.toString(), StandardCharsets.UTF_8);
  }

  private static String[] importArgs(String assignment, Path file, Path home) {
    return new String[] {"campaign", "import", "--assignment", assignment, "--file", file.toString(),
        "--store", home.toString(), "--format", "json"};
  }

  @Test
  void twoProcessesImportingAtOnceLoseNothing() throws Exception {
    Path home = tmp.resolve("home");
    Path first = base("first.csv", 0);
    Path second = base("second.csv", 5_000_000);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (Object[] job : new Object[][] {{"P/T/Первая", first, "1"}, {"P/T/Вторая", second, "2"}}) {
      List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
          SipRingCli.class.getName()));
      cmd.addAll(List.of(importArgs((String) job[0], (Path) job[1], home)));
      processes.add(new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out" + job[2]).toFile())
          .redirectError(tmp.resolve("err" + job[2]).toFile()).start());
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Process p = processes.get(i);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("process %d finished", i + 1).isTrue();
      outcomes.add(new Outcome(p.exitValue(), Files.readString(tmp.resolve("out" + (i + 1))),
          Files.readString(tmp.resolve("err" + (i + 1)))));
    }
    assertBothOrOneClearlyRefused(home, outcomes);
  }

  @Test
  void twoThreadsThroughTheCliEntryPointLoseNothing() throws Exception {
    Path home = tmp.resolve("home");
    Path first = base("first.csv", 0);
    Path second = base("second.csv", 5_000_000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (String[] args : List.of(importArgs("P/T/Первая", first, home), importArgs("P/T/Вторая", second, home))) {
        futures.add(pool.submit(() -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          CommandLine cli = SipRingCli.commandLine();
          cli.setOut(new PrintWriter(out, true));
          cli.setErr(new PrintWriter(err, true));
          start.await();
          int exit = cli.execute(args);
          return new Outcome(exit, out.toString(), err.toString());
        }));
      }
      start.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get(5, TimeUnit.MINUTES));
      }
      // one process: the two share the database through its transactions, neither has to wait for a file lock
      assertThat(outcomes).allSatisfy(o -> assertThat(o.exit()).as(o.err()).isZero());
      assertBothOrOneClearlyRefused(home, outcomes);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anImportWhileAnotherProcessHasTheDatabaseIsRefusedInOneLine() throws Exception {
    Path home = tmp.resolve("home");
    Path file = base("first.csv", 0);
    Process holder = ru.sipring.cdr.EmbeddedDatabaseHolder.start(home);
    try {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), SipRingCli.class.getName()));
      cmd.addAll(List.of(importArgs("P/T/Первая", file, home)));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out").toFile())
          .redirectError(tmp.resolve("err").toFile());
      pb.environment().put("SIPRING_LOCK_WAIT", "1");
      Process p = pb.start();
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String err = Files.readString(tmp.resolve("err"));
      assertThat(p.exitValue()).as(err).isEqualTo(CampaignCommand.FAILED);
      assertThat(err.strip().lines()).hasSize(1);
      assertThat(err).startsWith("sipring campaign: the embedded database " + home.resolve("sipring.mv.db"))
          .contains("is in use by another process (waited 1 s)");
      assertThat(Files.readString(tmp.resolve("out"))).isEmpty();
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (DatabasePool ds = Databases.embedded(home)) {
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(ds);
      assertThat(store.campaigns().projects()).as("the refused import stored nothing").isEmpty();
    }
  }

  /** Every import that said "imported" has its whole base stored; any other said why in one line. */
  private static void assertBothOrOneClearlyRefused(Path home, List<Outcome> outcomes) {
    String[] assignments = {"P/T/Первая", "P/T/Вторая"};
    try (DatabasePool ds = Databases.embedded(home)) {
      JdbiCampaignStore store = JdbiCampaignStore.migrateAndOpen(ds);
      int succeeded = 0;
      for (int i = 0; i < 2; i++) {
        Outcome o = outcomes.get(i);
        var assignment = Hierarchy.find(store.campaigns(), AssignmentPath.parse(assignments[i]));
        if (o.exit() == 0) {
          succeeded++;
          assertThat(o.out()).contains("\"imported\":" + ROWS).as(o.err());
          assertThat(assignment).as("base %s reported imported", assignments[i]).isPresent();
          assertThat(store.contacts().byAssignment(assignment.get().id())).hasSize(ROWS);
        } else {
          assertThat(o.err().strip().lines()).as("a refusal is one line").hasSize(1);
          assertThat(o.err()).startsWith("sipring campaign: ").contains("in use by another process");
          assertThat(assignment.map(a -> store.contacts().byAssignment(a.id()))).as("refused, so nothing stored")
              .satisfiesAnyOf(x -> assertThat(x).isEmpty(), x -> assertThat(x.get()).isEmpty());
        }
      }
      assertThat(succeeded).as("at least one import succeeds").isPositive();
    }
  }
}
