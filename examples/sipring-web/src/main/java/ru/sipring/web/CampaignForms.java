package ru.sipring.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.AssignmentSettings;
import ru.sipring.campaign.CallOutcome;
import ru.sipring.campaign.CallWindow;
import ru.sipring.campaign.DncScope;
import ru.sipring.campaign.RetryPolicy;
import ru.sipring.campaign.RetryRule;
import ru.sipring.campaign.dialer.DialerSettings;
import ru.sipring.core.BadInputException;
import ru.sipring.spring.CampaignAdmin;

/**
 * The campaign forms' and API bodies' fields as the library's values: each field checked and a bad one named
 * ({@code window.start}, {@code retry.BUSY.delaySeconds}, {@code dialer.maxConcurrent}). Shared by
 * {@link CampaignPages} and {@link CampaignApi} so both accept the same input. Stateless.
 */
final class CampaignForms {
  /** Outcomes that have a retry rule (an answered client is never called again by the rules). */
  static final List<CallOutcome> RETRIED = List.of(CallOutcome.BUSY, CallOutcome.NO_ANSWER, CallOutcome.CONGESTION,
      CallOutcome.FAILED);

  private CampaignForms() {
  }

  /**
   * An assignment's settings as a form or a JSON body gives them.
   *
   * @param zone the zone ({@code Europe/Moscow})
   * @param start the window's first time, {@code HH:mm}
   * @param end the window's end, {@code HH:mm}; equal to the start for all day
   * @param days the days calls may be placed (MONDAY..SUNDAY); empty for every day
   * @param retry per retried outcome: the wait in seconds and the most calls
   * @param dncScope which DNC lists apply
   */
  record Settings(String zone, String start, String end, @Nullable List<String> days,
      @Nullable Map<String, Rule> retry, String dncScope) {

    /**
     * One retry rule.
     *
     * @param delaySeconds the wait before the next call, seconds (the guide's «Время до повторного набора»)
     * @param maxAttempts the most calls in all
     */
    record Rule(long delaySeconds, int maxAttempts) {}

    static Settings of(AssignmentSettings s) {
      Map<String, Rule> r = new java.util.LinkedHashMap<>();
      for (CallOutcome o : RETRIED) {
        RetryRule rule = s.retry().rules().get(o);
        r.put(o.name(), rule == null ? new Rule(0, 0) : new Rule(rule.delay().toSeconds(), rule.maxAttempts()));
      }
      return new Settings(s.window().zone().getId(), s.window().start().toString(), s.window().end().toString(),
          s.window().days().stream().sorted().map(DayOfWeek::name).toList(), r, s.dncScope().name());
    }

    AssignmentSettings toSettings() {
      ZoneId z;
      try {
        z = ZoneId.of(zone.strip());
      } catch (java.time.DateTimeException e) {
        throw new BadInputException("window.zone", "not a time zone: use an IANA name such as Europe/Moscow");
      }
      Set<DayOfWeek> d = EnumSet.noneOf(DayOfWeek.class);
      if (days != null) {
        for (String day : days) {
          d.add(enumOf(DayOfWeek.class, "window.days", day));
        }
      }
      Map<CallOutcome, RetryRule> rules = new EnumMap<>(CallOutcome.class);
      if (retry != null) {
        for (Map.Entry<String, Rule> e : retry.entrySet()) {
          CallOutcome o = enumOf(CallOutcome.class, "retry", e.getKey());
          Rule r = e.getValue();
          if (r.delaySeconds() < 0 || r.delaySeconds() > 3600L * 24 * 365) {
            throw new BadInputException("retry." + o.name() + ".delaySeconds", "0 to 31536000 seconds");
          }
          if (r.maxAttempts() < 0 || r.maxAttempts() > 1000) {
            throw new BadInputException("retry." + o.name() + ".maxAttempts", "0 to 1000");
          }
          if (r.maxAttempts() > 0) {
            rules.put(o, new RetryRule(Duration.ofSeconds(r.delaySeconds()), r.maxAttempts()));
          }
        }
      }
      if (d.isEmpty()) {
        d = EnumSet.allOf(DayOfWeek.class); // a window on no day would never open: none ticked means every day
      }
      return new AssignmentSettings(new CallWindow(z, time("window.start", start), time("window.end", end), d),
          new RetryPolicy(rules), enumOf(DncScope.class, "dncScope", dncScope));
    }
  }

  /**
   * The dialer's settings: the guide's form (answer extension, context, CallerID, repeats, redial delay, pause)
   * and the pacing.
   *
   * @param answerExtension where an answered call goes
   * @param context the dialplan context
   * @param callerId the CallerID shown to clients (may be empty: the trunk's)
   * @param repeats calls after the first; null for the assignment's own retry rules
   * @param redialSeconds the wait before a repeat
   * @param pauseSeconds the least time between two calls
   * @param mode FIXED, PROGRESSIVE or PREDICTIVE
   * @param maxConcurrent calls in progress at most
   * @param ratio calls per free operator
   */
  record Dialer(String answerExtension, String context, @Nullable String callerId, @Nullable Integer repeats,
      long redialSeconds, long pauseSeconds, @Nullable String mode, int maxConcurrent, double ratio) {

    static Dialer of(DialerSettings s) {
      Integer repeats = null;
      long redial = 0;
      if (s.retry() != null) {
        RetryRule r = s.retry().rules().get(CallOutcome.NO_ANSWER);
        if (r != null) {
          repeats = r.maxAttempts() - 1;
          redial = r.delay().toSeconds();
        }
      }
      return new Dialer(s.answerExtension(), s.context(), s.callerId(), repeats, redial,
          s.pauseBetweenNumbers().toSeconds(), s.mode().name(), s.maxConcurrent(), s.ratio());
    }

    DialerSettings toSettings() {
      String ext = token("dialer.answerExtension", answerExtension);
      String ctx = token("dialer.context", context);
      String cid = callerId == null ? "" : callerId.strip();
      if (cid.length() > 80 || cid.chars().anyMatch(c -> c < 0x20)) {
        throw new BadInputException("dialer.callerId", "at most 80 characters, no control characters");
      }
      if (repeats != null && (repeats < 0 || repeats > 100)) {
        throw new BadInputException("dialer.repeats", "0 to 100");
      }
      if (redialSeconds < 0 || redialSeconds > 7L * 24 * 3600) {
        throw new BadInputException("dialer.redialSeconds", "0 to 604800 seconds");
      }
      if (pauseSeconds < 0 || pauseSeconds > 3600) {
        throw new BadInputException("dialer.pauseSeconds", "0 to 3600 seconds");
      }
      if (maxConcurrent < 1 || maxConcurrent > 500) {
        throw new BadInputException("dialer.maxConcurrent", "1 to 500");
      }
      if (!(ratio >= 1.0 && ratio <= 10.0)) {
        throw new BadInputException("dialer.ratio", "1.0 to 10.0");
      }
      DialerSettings.Mode m = mode == null || mode.isBlank() ? DialerSettings.Mode.FIXED
          : enumOf(DialerSettings.Mode.class, "dialer.mode", mode);
      return DialerSettings.builder(ext, ctx, cid)
          .retry(repeats == null ? null : RetryPolicy.guide(repeats, Duration.ofSeconds(redialSeconds)))
          .pauseBetweenNumbers(Duration.ofSeconds(pauseSeconds))
          .pacing(m, maxConcurrent, ratio, Math.max(ratio, m == DialerSettings.Mode.PREDICTIVE ? 3.0 : ratio), 0.03)
          .build();
    }
  }

  static CampaignAdmin.Level level(String s) {
    return switch (s) {
      case "projects", "project" -> CampaignAdmin.Level.PROJECT;
      case "tasks", "task" -> CampaignAdmin.Level.TASK;
      case "assignments", "assignment" -> CampaignAdmin.Level.ASSIGNMENT;
      default -> throw new BadInputException("level", "projects, tasks or assignments");
    };
  }

  /** An AMI token (extension, context): it goes into an AMI action, so letters, digits and {@code _ - . +} only. */
  private static String token(String field, @Nullable String value) {
    String v = value == null ? "" : value.strip();
    if (!v.matches("[\\p{L}\\p{N}_.+\\-]{1,40}")) {
      throw new BadInputException(field, "1 to 40 letters, digits or _ - . +");
    }
    return v;
  }

  private static LocalTime time(String field, @Nullable String value) {
    try {
      return LocalTime.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw new BadInputException(field, "a time HH:mm");
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String field, @Nullable String value) {
    try {
      return Enum.valueOf(type, (value == null ? "" : value.strip()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
