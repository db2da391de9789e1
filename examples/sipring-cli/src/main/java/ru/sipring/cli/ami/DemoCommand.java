package ru.sipring.cli.ami;

import org.jspecify.annotations.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.sipring.core.inbound.InboundStatistics;
import ru.sipring.core.queuelog.QueueLogInput;
import ru.sipring.core.report.InboundReport;
import ru.sipring.core.report.ReportSection;
import ru.sipring.core.report.ReportWindow;
import ru.sipring.core.report.render.ReportLanguage;
import ru.sipring.core.report.render.TextReportRenderer;
import ru.sipring.testkit.ami.FakeAsterisk;
import ru.sipring.testkit.queue.QueueLogWriter;
import ru.sipring.testkit.time.SimulatedClock;
import ru.sipring.testkit.traffic.CallCentreDay;
import ru.sipring.testkit.traffic.TrafficModel;

/**
 * {@code sipring demo}: a simulated call-centre day on the fake Asterisk. Writes the queue_log Asterisk would
 * have written and prints the day's figures; with {@code --serve} the fake's AMI port stays open while the day
 * plays at {@code --speed} times real time, so {@code sipring live} can watch it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Simulate a call-centre day on a fake Asterisk and write its queue_log.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--date", description = "the day to simulate (default: yesterday)") @Nullable LocalDate date;
  @Option(names = "--zone", defaultValue = "Europe/Moscow")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  ZoneId zone;
  @Option(names = "--seed", description = "random seed (printed; reuse it to get the same day)") @Nullable Long seed;
  @Option(names = "--agents", defaultValue = "8") int agents;
  @Option(names = "--peak-calls-per-hour", defaultValue = "60") double peak;
  @Option(names = "--queue-log", defaultValue = "demo-queue_log", paramLabel = "FILE")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Path queueLog;
  @Option(names = "--serve", paramLabel = "PORT",
      description = "also serve AMI on 127.0.0.1:PORT (user demo, secret demo) while the day plays")
  @Nullable Integer servePort;
  @Option(names = "--speed", defaultValue = "600", description = "with --serve: simulated seconds per real second")
  double speed;
  @Option(names = "--lang", defaultValue = "ru", paramLabel = "ru|en", description = "labels of the report")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String lang;

  @Override
  public Integer call() throws Exception {
    // a day of 1e23 calls per hour or of -1 agents never ends: bad values are refused before the simulation
    if (agents < 1 || agents > 10_000) {
      throw new ru.sipring.core.BadInputException("--agents", "from 1 to 10000, was " + agents);
    }
    if (!(peak > 0 && peak <= 100_000)) {
      throw new ru.sipring.core.BadInputException("--peak-calls-per-hour", "more than 0 and at most 100000, was "
          + peak);
    }
    if (!(speed > 0 && speed <= 1_000_000)) {
      throw new ru.sipring.core.BadInputException("--speed", "more than 0 and at most 1000000, was " + speed);
    }
    if (servePort != null && (servePort < 0 || servePort > 65_535)) {
      throw new ru.sipring.core.BadInputException("--serve", "a TCP port from 0 to 65535, was " + servePort);
    }
    LocalDate day = date != null ? date : LocalDate.now(zone).minusDays(1);
    long s = seed != null ? seed : System.nanoTime();
    Instant start = day.atStartOfDay(zone).toInstant();
    SimulatedClock clock = SimulatedClock.at(start, zone);
    Files.deleteIfExists(queueLog);
    TrafficModel model = TrafficModel.typicalDay(agents, peak);
    CallCentreDay.Summary summary;
    try (QueueLogWriter log = QueueLogWriter.toFile(queueLog);
         FakeAsterisk pbx = FakeAsterisk.start(FakeAsterisk.Config.defaults().withUser("demo", "demo")
             .withPort(servePort == null ? 0 : servePort).withLogMemberNameAsAgent(true).withSeed(s), clock, log)) {
      if (servePort != null) {
        System.out.printf("AMI on 127.0.0.1:%d (user demo, secret demo); watch with:%n"
            + "  bin/sipring live --ami 127.0.0.1:%d --ami-user demo --ami-secret demo%n", pbx.port(), pbx.port());
      }
      CallCentreDay sim = new CallCentreDay(model, pbx.engine(), clock, s);
      summary = sim.run(day, zone, servePort == null ? CallCentreDay.Pacer.none()
          : CallCentreDay.Pacer.realTime(start, speed));
    }
    long lines;
    try (var st = Files.lines(queueLog)) {
      lines = st.count();
    }
    System.out.printf("Simulated %s (%s), seed %d: %d simulation events%n", day, zone, s, summary.events());
    System.out.printf("queue_log: %s (%d lines)%n%n", queueLog.toAbsolutePath(), lines);
    System.out.printf("%-6s %8s %8s %9s %8s %7s %9s %9s %6s %9s%n", "queue", "offered", "answered", "abandoned",
        "timeout", "SL20 %", "avg wait", "avg talk", "RNA", "transfers");
    for (CallCentreDay.QueueCounts q : summary.queues()) {
      System.out.printf("%-6s %8d %8d %9d %8d %7.1f %9s %9s %6d %9d%n", q.queue(), q.offered(), q.answered(),
          q.abandoned(), q.timedOut(), q.serviceLevel20(), mmss(q.averageWaitAnswered()), mmss(q.averageTalk()),
          q.ringNoAnswer(), q.transferred());
    }
    System.out.println();
    System.out.println("answered per agent:");
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(summary.callsPerAgent()).entrySet()) {
      System.out.printf("  %-16s %4d%n", e.getKey(), e.getValue());
    }
    System.out.println();
    System.out.println("(figures above: the simulation's own counters; below: SipRing's inbound report computed"
        + " from the queue_log)");
    System.out.println();
    InboundReport report = inboundReport(queueLog, zone);
    StringBuilder text = new StringBuilder();
    TextReportRenderer.of(ReportLanguage.ofCode(lang)).render(report, EnumSet.of(ReportSection.SUMMARY,
        ReportSection.QUEUES, ReportSection.OPERATORS, ReportSection.SERVICE_LEVEL), text);
    System.out.print(text);
    return 0;
  }

  /** The inbound report of the whole queue_log, as {@code sipring report} would compute it. */
  static InboundReport inboundReport(Path queueLog, ZoneId zone) {
    return InboundStatistics.builder().window(ReportWindow.all(zone)).build().compute(QueueLogInput.path(queueLog));
  }

  private static String mmss(double seconds) {
    long s = Math.round(seconds);
    return String.format("%02d:%02d", s / 60, s % 60);
  }

}
