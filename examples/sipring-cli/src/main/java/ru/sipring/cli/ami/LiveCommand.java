package ru.sipring.cli.ami;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.core.SipRingException;
import ru.sipring.core.pbx.LiveQueueState;
import ru.sipring.core.text.TerminalText;

/** {@code sipring live}: a terminal wallboard of Asterisk's queues, or one JSON snapshot with {@code --once}. */
@Command(name = "live", mixinStandardHelpOptions = true,
    description = "Show callers waiting and what each member is doing, refreshed until Ctrl-C.")
public final class LiveCommand implements Callable<Integer> {
  enum Format { text, json }

  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  AmiOptions ami;

  @Option(names = "--once", description = "print one snapshot and exit")
  boolean once;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;

  @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS", description = "refresh period")
  int interval;

  @Option(names = "--queue", paramLabel = "Q", description = "show only these queues")
  @Nullable List<String> queues;

  @Override
  public Integer call() throws Exception {
    try (AmiPbxGateway gw = ami.connect()) {
      do {
        List<LiveQueueState> states = new ArrayList<>(gw.snapshot());
        if (queues != null && !queues.isEmpty()) {
          states.removeIf(s -> !queues.contains(s.queue()));
        }
        java.time.Instant stale = gw.staleSince().orElse(null);
        if (format == Format.json) {
          System.out.println(toJson(states, stale));
        } else {
          if (!once) {
            System.out.print("\033[H\033[2J"); // clear the terminal between refreshes
          }
          if (stale != null) {
            System.out.println("STALE: the AMI link is down since " + java.time.format.DateTimeFormatter.ISO_INSTANT
                .format(stale.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                + "; showing the state as it was then, reconnecting");
          }
          printText(states, System.out);
        }
        System.out.flush();
        if (!once) {
          Thread.sleep(interval * 1000L);
        }
      } while (!once);
      return 0;
    } catch (SipRingException e) {
      System.err.println(e.getMessage());
      return 3;
    }
  }

  /** The contract shape as current state: {@code stale} false. */
  static String toJson(List<LiveQueueState> states) throws Exception {
    return toJson(states, null);
  }

  /**
   * The contract shape: {"stale": false, "queues": [{"queue", "callers": [...], "members": [...]}]}; while the
   * AMI link is down {"stale": true, "staleSince": "ISO instant", ...} with the state as it was then.
   */
  static String toJson(List<LiveQueueState> states, java.time.@org.jspecify.annotations.Nullable Instant stale)
      throws Exception {
    List<Map<String, Object>> qs = new ArrayList<>();
    for (LiveQueueState s : states) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("queue", s.queue());
      List<Map<String, Object>> callers = new ArrayList<>();
      for (LiveQueueState.Caller c : s.callers()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", c.position());
        m.put("callerId", c.callerIdNum());
        m.put("waitSeconds", c.waiting().toSeconds());
        callers.add(m);
      }
      q.put("callers", callers);
      List<Map<String, Object>> members = new ArrayList<>();
      for (LiveQueueState.Member mb : s.members()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interface", mb.memberInterface());
        m.put("name", mb.name());
        m.put("state", mb.status().name().toLowerCase(Locale.ROOT));
        m.put("paused", mb.paused());
        m.put("pausedReason", mb.pausedReason() == null ? "" : mb.pausedReason());
        members.add(m);
      }
      q.put("members", members);
      qs.add(q);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("stale", stale != null);
    if (stale != null) {
      root.put("staleSince", stale.toString());
    }
    root.put("queues", qs);
    return new ObjectMapper().writeValueAsString(root);
  }

  private static String esc(String text) {
    return TerminalText.escape(text);
  }

  static void printText(List<LiveQueueState> states, PrintStream out) {
    if (states.isEmpty()) {
      out.println("no queues");
    }
    for (LiveQueueState s : states) {
      long longest = s.longestWait().toSeconds();
      // every value below comes from Asterisk, and caller IDs from the caller: escaped, so an ESC sequence in a
      // caller ID cannot recolour, retitle or clear the admin's terminal
      out.printf("Queue %-10s waiting %3d   longest %02d:%02d   answered %d   abandoned %d%n", esc(s.queue()),
          s.callers().size(), longest / 60, longest % 60, s.answered(), s.abandoned());
      for (LiveQueueState.Caller c : s.callers()) {
        long w = c.waiting().toSeconds();
        out.printf("   %2d. %-20s %02d:%02d%n", c.position(), esc(c.callerIdNum()), w / 60, w % 60);
      }
      for (LiveQueueState.Member m : s.members()) {
        String state = m.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (m.paused() && m.status() != LiveQueueState.MemberStatus.PAUSED) {
          state += ", paused"; // e.g. still on the call that was going when the pause was asked for
        }
        if (m.paused() && m.pausedReason() != null && !m.pausedReason().isEmpty()) {
          state += " (" + m.pausedReason() + ")";
        }
        out.printf("   %-28s %-24s %s%n", esc(m.memberInterface()), esc(m.name()), esc(state));
      }
      out.println();
    }
  }
}
