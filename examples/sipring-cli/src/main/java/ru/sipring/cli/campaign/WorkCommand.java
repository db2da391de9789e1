package ru.sipring.cli.campaign;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.campaign.Assignment;
import ru.sipring.campaign.AssignmentPath;
import ru.sipring.campaign.CampaignStore;
import ru.sipring.campaign.WorkSession;
import ru.sipring.campaign.WorkTracker;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/**
 * {@code sipring campaign work ...}: operators' work sessions at the form — start, pause, resume, stop — the live
 * view ("ИКЦ-on-line"), and closing hung sessions.
 */
@Command(name = "work", mixinStandardHelpOptions = true,
    description = {"Operator work sessions: start OPERATOR --assignment P/T/A | pause OPERATOR --reason R | "
        + "resume OPERATOR | stop OPERATOR | live | hung [--older-than-hours H] | close SESSION_ID [--at ISO]"})
final class WorkCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;
  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  StoreOptions storeOptions;

  @Parameters(index = "0", description = "start, pause, resume, stop, live, hung, close")

  @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "OPERATOR|SESSION_ID")
  @Nullable String who;

  @Option(names = "--assignment", paramLabel = "PROJECT/TASK/ASSIGNMENT") @Nullable String assignment;

  @Option(names = "--reason", defaultValue = "")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String reason;

  @Option(names = "--older-than-hours", defaultValue = "12") long olderThanHours;

  @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "when a hung session ended (default: now)")
  @Nullable Instant at;

  @Option(names = "--zone", defaultValue = "Europe/Moscow")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  ZoneId zone;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (StoreOptions.Opened o = storeOptions.open()) {
      CampaignStore s = o.store();
      WorkTracker work = new WorkTracker(s.sessions(), Clock.systemUTC());
      switch (action) {
        case "start" -> {
          if (assignment == null) {
            throw new BadInputException("--assignment", "needed to start work");
          }
          Assignment a = Hierarchy.require(s.campaigns(), AssignmentPath.parse(assignment));
          print(out, work.start(operator(), a.id()));
        }
        case "pause" -> print(out, work.pause(operator(), reason));
        case "resume" -> print(out, work.resume(operator()));
        case "stop" -> print(out, work.stop(operator()));
        case "close" -> {
          long id;
          try {
            id = Long.parseLong(operator());
          } catch (NumberFormatException e) {
            throw new BadInputException("SESSION_ID", "a session number, was " + who);
          }
          print(out, work.closeHung(id, at));
        }
        case "hung" -> work.hung(Duration.ofHours(olderThanHours)).forEach(w -> print(out, w));
        case "live" -> {
          for (WorkTracker.LiveOperator l : work.live()) {
            out.printf("%s\tс %s\tзадание %d\t%s\t%s%n", l.operator(), TIME.format(l.since().atZone(zone)),
                l.assignmentId(), l.paused() ? "пауза: " + l.pauseReason() : "работает",
                ReportFormat.hms(l.formTime()));
          }
        }
        default -> throw new BadInputException("ACTION", "start, pause, resume, stop, live, hung or close; was "
            + action);
      }
      out.flush();
      return 0;
    } catch (SipRingException e) {
      return CampaignCommand.fail(spec, e);
    }
  }

  private String operator() {
    if (who == null || who.isBlank()) {
      throw new BadInputException("OPERATOR", "missing");
    }
    return who;
  }

  private void print(PrintWriter out, WorkSession w) {
    Instant now = Instant.now();
    WorkSession.Pause pause = w.currentPause();
    out.printf("session %d\t%s\tзадание %d\tс %s%s\tвремя %s\tт расч %s%s%n", w.id(), w.operator(), w.assignmentId(),
        TIME.format(w.startedAt().atZone(zone)), w.endedAt() == null ? "" : " по " + TIME.format(w.endedAt().atZone(zone)),
        ReportFormat.hms(w.formTime(now)), ReportFormat.hms(w.computedTime(now)),
        pause != null ? "\tпауза: " + pause.reason()
            : w.closedByAdmin() ? "\tзакрыта администратором" : "");
  }

  /** hh:mm:ss for durations. */
  static final class ReportFormat {
    private ReportFormat() {}

    static String hms(Duration d) {
      long s = d.getSeconds();
      return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
  }
}
