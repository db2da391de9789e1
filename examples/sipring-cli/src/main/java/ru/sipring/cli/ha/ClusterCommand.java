package ru.sipring.cli.ha;

import org.jspecify.annotations.Nullable;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ru.sipring.core.SipRingException;
import ru.sipring.ha.ActionOutcome;
import ru.sipring.ha.Availability;
import ru.sipring.ha.ClusterAction;
import ru.sipring.ha.ClusterControl;
import ru.sipring.ha.ClusterJson;
import ru.sipring.ha.ClusterManager;
import ru.sipring.ha.ClusterStatus;
import ru.sipring.ha.ClusterText;
import ru.sipring.ha.ClusterWatcher;
import ru.sipring.ha.CommandResult;
import ru.sipring.ha.CommandRunner;
import ru.sipring.ha.CrmMonParser;
import ru.sipring.ha.DrbdResource;
import ru.sipring.ha.DrbdStatusParser;
import ru.sipring.ha.HealthChecker;
import ru.sipring.ha.HealthReport;
import ru.sipring.ha.PacemakerTools;
import ru.sipring.ha.PcsdClient;
import ru.sipring.ha.Verdict;

/**
 * {@code sipring cluster ...}: status, watch and control of the pacemaker/corosync cluster (guide section 11).
 * Exit codes of {@code status}: 0 OK, 1 DEGRADED, 2 CRITICAL, 3 the status could not be read. Actions exit 0
 * when the cluster settled in the asked-for state, 1 when it did not within {@code --timeout}, 3 on refusal.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "HA cluster (pacemaker/corosync/DRBD): status, watch, standby, move, cleanup, maintenance.",
    subcommands = {ClusterCommand.Status.class, ClusterCommand.Watch.class, ClusterCommand.Standby.class,
        ClusterCommand.Unstandby.class, ClusterCommand.Maintenance.class, ClusterCommand.Move.class,
        ClusterCommand.Clear.class, ClusterCommand.Ban.class, ClusterCommand.Enable.class, ClusterCommand.Disable.class,
        ClusterCommand.Restart.class, ClusterCommand.Cleanup.class})
public final class ClusterCommand implements Runnable {
  static final int EXIT_ERROR = 3;

  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Output format. */
  enum Format { TEXT, JSON }

  /** Options shared by every subcommand. */
  static final class Common {
    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    Format format;

    @Option(names = "--via", description = "how to act: pcs, crm (crm_resource/crm_attribute) or pcsd (REST API); "
        + "default: ${DEFAULT-VALUE}", defaultValue = "pcs")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    String via;

    @Option(names = "--timeout", description = "how long to wait for the cluster to settle (default: ${DEFAULT-VALUE})",
        defaultValue = "PT60S", converter = DurationConverter.class)

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    Duration timeout;

    @Option(names = "--pcsd-url", description = "pcsd base URL (default: ${DEFAULT-VALUE})", defaultValue = "https://127.0.0.1:2224")

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    URI pcsdUrl;

    @Option(names = "--pcsd-token-file", description = "file holding a pcsd token (from POST /remote/auth)")
    @Nullable Path pcsdTokenFile;

    @Option(names = "--pcsd-cert", description = "pcsd's certificate to pin (e.g. /var/lib/pcsd/pcsd.crt)")
    @Nullable Path pcsdCert;

    @Option(names = "--pcsd-insecure", description = "accept any certificate from pcsd (prefer --pcsd-cert)")
    boolean pcsdInsecure;

    PacemakerTools tools() {
      return PacemakerTools.of(CommandRunner.processes(), via.equalsIgnoreCase("crm") ? PacemakerTools.Tool.CRM
          : PacemakerTools.Tool.PCS, timeout.plusSeconds(30));
    }

    ClusterControl control() {
      if (!via.equalsIgnoreCase("pcsd")) {
        return tools();
      }
      if (pcsdTokenFile == null) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--via pcsd needs --pcsd-token-file");
      }
      String token;
      try {
        token = Files.readString(pcsdTokenFile, StandardCharsets.UTF_8).strip();
      } catch (java.io.IOException e) {
        throw new ru.sipring.core.BadInputException(pcsdTokenFile.toString(), "cannot read: " + e.getMessage(), e);
      }
      HttpClient http = pcsdCert != null ? PcsdClient.pinnedHttpClient(pcsdCert, Duration.ofSeconds(10))
          : pcsdInsecure ? PcsdClient.insecureHttpClient(Duration.ofSeconds(10)) : HttpClient.newHttpClient();
      return PcsdClient.of(pcsdUrl, token, http, timeout);
    }

    ClusterManager manager() {
      PacemakerTools t = tools();
      return ClusterManager.builder(t, control()).settleTimeout(timeout).build();
    }
  }

  /** ISO-8601 ({@code PT30S}) or a number with s/m ({@code 30s}, {@code 2m}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String v) {
      String s = v.trim().toLowerCase(java.util.Locale.ROOT);
      if (s.startsWith("pt")) {
        return Duration.parse(v.trim().toUpperCase(java.util.Locale.ROOT));
      }
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      if (s.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(s.endsWith("s") ? s.substring(0, s.length() - 1) : s));
    }
  }

  static int exitOf(Verdict v) {
    return switch (v) {
      case OK -> 0;
      case DEGRADED -> 1;
      case CRITICAL -> 2;
    };
  }

  static int fail(CommandLine.Model.CommandSpec spec, SipRingException e) {
    spec.commandLine().getErr().println("sipring cluster: " + e.getMessage());
    spec.commandLine().getErr().flush();
    return EXIT_ERROR;
  }

  /** pacemaker / corosync / pcsd: running or not, from the process table (systemd may be absent). */
  static Map<String, String> daemons() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String d : List.of("pacemakerd", "corosync", "pcsd")) {
      String state;
      try {
        CommandResult r = CommandRunner.processes().run(List.of("pgrep", "-x", d), Duration.ofSeconds(5));
        state = r.ok() ? "Running (pid " + r.stdout().strip().replace('\n', ',') + ")" : "Not running";
      } catch (SipRingException e) {
        state = "unknown (" + e.getMessage() + ")";
      }
      out.put(d.equals("pacemakerd") ? "pacemaker" : d, state);
    }
    return out;
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Cluster status and health verdict, live or from a saved crm_mon XML snapshot.")
  static final class Status implements Callable<Integer> {
    @Spec

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Option(names = "--crm-mon-xml", description = "saved `crm_mon --output-as=xml` (or older --as-xml) output")
    @Nullable Path crmMonXml;

    @Option(names = "--drbd", description = "saved DRBD state: `drbdsetup status --json`, `drbdadm status` or /proc/drbd")
    @Nullable Path drbd;

    @Option(names = "--peer-crm-mon-xml", description = "another node's crm_mon XML taken at the same time: "
        + "compared for split brain (repeatable)")
    List<Path> peers = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        Path xml = crmMonXml;
        boolean live = xml == null;
        ClusterStatus s = xml == null ? common.tools().snapshot() : CrmMonParser.parse(xml);
        List<DrbdResource> d = drbd != null ? DrbdStatusParser.parse(drbd) : live ? liveDrbd() : List.of();
        HealthChecker checker = HealthChecker.withDefaults();
        HealthReport h;
        if (peers.isEmpty()) {
          h = checker.check(s, d);
        } else {
          Map<String, ClusterStatus> views = new LinkedHashMap<>();
          views.put(xml == null ? "local" : String.valueOf(xml.getFileName()), s);
          for (Path p : peers) {
            views.put(p.getFileName().toString(), CrmMonParser.parse(p));
          }
          List<ru.sipring.ha.HealthReason> reasons = new ArrayList<>(checker.check(s, d).reasons());
          checker.checkViews(views).reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
          h = HealthReport.of(reasons);
        }
        if (common.format == Format.JSON) {
          out.println(ClusterJson.write(s, h));
        } else {
          out.print(ClusterText.render(s, h, d, live ? daemons() : Map.of()));
        }
        out.flush();
        return exitOf(h.verdict());
      } catch (SipRingException e) {
        return fail(spec, e);
      }
    }

    /** DRBD state when drbd-utils is installed and drbd is loaded; none otherwise. */
    private static List<DrbdResource> liveDrbd() {
      if (!Files.isExecutable(Path.of("/usr/sbin/drbdsetup")) && !Files.isExecutable(Path.of("/sbin/drbdsetup"))) {
        return List.of();
      }
      CommandResult r = CommandRunner.processes().run(List.of("drbdsetup", "status", "--json"), Duration.ofSeconds(10));
      if (!r.ok() || r.stdout().isBlank() || r.stdout().strip().equals("[]")) {
        return List.of();
      }
      return DrbdStatusParser.parseJson(r.stdout(), "drbdsetup status --json");
    }
  }

  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Poll the cluster and print every change of state or verdict.")
  static final class Watch implements Callable<Integer> {
    @Spec

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Option(names = "--interval", description = "poll interval (default: ${DEFAULT-VALUE})", defaultValue = "5s",
        converter = DurationConverter.class)

    @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
    Duration interval;

    @Option(names = "--count", description = "stop after this many polls (default: run until interrupted)")
    @Nullable Integer count;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      ClusterWatcher w = ClusterWatcher.builder(common.tools()).historyLimit(100_000).build();
      w.addListener(new ClusterWatcher.Listener() {
        @Override
        public void onChange(ClusterWatcher.Change c) {
          if (common.format == Format.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", c.at().toString());
            m.put("changes", c.changes());
            m.put("status", ClusterJson.tree(c.current(), c.health()));
            out.println(ClusterJson.write(m).replace("\n", " "));
          } else {
            out.println(c.at() + "  " + c.health().verdict() + "  " + String.join("; ", c.changes()));
          }
          out.flush();
        }

        @Override
        public void onError(SipRingException e) {
          out.println("poll failed: " + e.getMessage());
          out.flush();
        }
      });
      for (int i = 0; count == null || i < count; i++) {
        w.poll();
        if (count == null || i + 1 < count) {
          Thread.sleep(interval.toMillis());
        }
      }
      if (common.format == Format.TEXT) {
        for (Availability.ServiceAvailability a : w.availability(Availability.FOUR_NINES)) {
          out.printf("availability %s: up %s down %s (%s) budget %s %s%n", a.service(), a.up(), a.down(), a.ratio(),
              a.budget(), a.withinBudget() ? "within budget" : "OVER BUDGET");
        }
      }
      out.flush();
      return 0;
    }
  }

  /** Base of the action commands. */
  abstract static class ActionCommand implements Callable<Integer> {
    @Spec

    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common = new Common();

    abstract ClusterAction action();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        ActionOutcome o = common.manager().perform(action());
        if (common.format == Format.JSON) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("action", o.action().describe());
          m.put("settled", o.settled());
          m.put("elapsedMs", o.elapsed().toMillis());
          m.put("status", ClusterJson.tree(o.status(), o.health()));
          out.println(ClusterJson.write(m));
        } else {
          out.printf("%s: %s in %.1f s%n%n", o.action().describe(), o.settled() ? "settled" : "NOT settled",
              o.elapsed().toMillis() / 1000.0);
          out.print(ClusterText.render(o.status(), o.health(), List.of(), Map.of()));
        }
        out.flush();
        return o.settled() ? 0 : 1;
      } catch (SipRingException e) {
        return fail(spec, e);
      }
    }
  }

  @Command(name = "standby", mixinStandardHelpOptions = true, description = "Put a node in standby (resources move away).")
  static final class Standby extends ActionCommand {
    @Parameters(paramLabel = "NODE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String node;

    @Override
    ClusterAction action() {
      return new ClusterAction.Standby(node, true);
    }
  }

  @Command(name = "unstandby", mixinStandardHelpOptions = true, description = "Take a node out of standby.")
  static final class Unstandby extends ActionCommand {
    @Parameters(paramLabel = "NODE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String node;

    @Override
    ClusterAction action() {
      return new ClusterAction.Standby(node, false);
    }
  }

  @Command(name = "maintenance", mixinStandardHelpOptions = true,
      description = "Maintenance on|off: of the whole cluster (maintenance-mode), or of one node with --node.")
  static final class Maintenance extends ActionCommand {
    @Parameters(paramLabel = "on|off")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String onOff;

    @Option(names = "--node", description = "only this node")
    @Nullable String node;

    @Override
    ClusterAction action() {
      boolean on = switch (onOff.toLowerCase(java.util.Locale.ROOT)) {
        case "on", "true" -> true;
        case "off", "false" -> false;
        default -> throw new CommandLine.ParameterException(spec.commandLine(), "expected on or off, got " + onOff);
      };
      return node == null ? new ClusterAction.ClusterMaintenance(on) : new ClusterAction.NodeMaintenance(node, on);
    }
  }

  @Command(name = "move", mixinStandardHelpOptions = true, description = "Move a resource (or group) to a node.")
  static final class Move extends ActionCommand {
    @Parameters(index = "0", paramLabel = "RESOURCE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String resource;

    @Parameters(index = "1", paramLabel = "NODE", arity = "0..1")
    @Nullable String node;

    @Override
    ClusterAction action() {
      return new ClusterAction.Move(resource, node);
    }
  }

  @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove move/ban constraints of a resource.")
  static final class Clear extends ActionCommand {
    @Parameters(index = "0", paramLabel = "RESOURCE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String resource;

    @Parameters(index = "1", paramLabel = "NODE", arity = "0..1")
    @Nullable String node;

    @Override
    ClusterAction action() {
      return new ClusterAction.Clear(resource, node);
    }
  }

  @Command(name = "ban", mixinStandardHelpOptions = true, description = "Keep a resource off a node.")
  static final class Ban extends ActionCommand {
    @Parameters(index = "0", paramLabel = "RESOURCE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String resource;

    @Parameters(index = "1", paramLabel = "NODE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String node;

    @Override
    ClusterAction action() {
      return new ClusterAction.Ban(resource, node);
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Allow a resource to start.")
  static final class Enable extends ActionCommand {
    @Parameters(paramLabel = "RESOURCE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String resource;

    @Override
    ClusterAction action() {
      return new ClusterAction.Enable(resource);
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop a resource and keep it stopped.")
  static final class Disable extends ActionCommand {
    @Parameters(paramLabel = "RESOURCE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String resource;

    @Override
    ClusterAction action() {
      return new ClusterAction.Disable(resource);
    }
  }

  @Command(name = "restart", mixinStandardHelpOptions = true, description = "Restart a resource where it runs.")
  static final class Restart extends ActionCommand {
    @Parameters(paramLabel = "RESOURCE")

    @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
    String resource;

    @Override
    ClusterAction action() {
      return new ClusterAction.Restart(resource);
    }
  }

  @Command(name = "cleanup", mixinStandardHelpOptions = true,
      description = "Forget failures and fail counts (of a resource, a node, or all).")
  static final class Cleanup extends ActionCommand {
    @Parameters(paramLabel = "RESOURCE", arity = "0..1")
    @Nullable String resource;

    @Option(names = "--node", description = "only on this node")
    @Nullable String node;

    @Override
    ClusterAction action() {
      return new ClusterAction.Cleanup(resource, node);
    }
  }
}
