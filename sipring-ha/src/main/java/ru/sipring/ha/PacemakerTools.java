package ru.sipring.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.sipring.core.RejectedException;

/**
 * The pacemaker command-line tools as a {@link ClusterStatusSource} ({@code crm_mon --output-as=xml}) and a
 * {@link ClusterControl}: through {@code pcs} ({@link Tool#PCS}, the default) or through the low-level
 * {@code crm_resource} / {@code crm_attribute} ({@link Tool#CRM}, for nodes without pcs). Arguments are passed
 * as a list; resource and node names are checked against pacemaker's id syntax before use. Thread-safe.
 */
public final class PacemakerTools implements ClusterControl, ClusterStatusSource {
  private static final Logger LOG = LoggerFactory.getLogger(PacemakerTools.class);
  // pacemaker ids are XML NCNames; node names are host names. Anything else is refused before running a tool.
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@-]*");

  /** Which tool carries out actions. */
  public enum Tool {
    /** {@code pcs} (0.10 and later). */
    PCS,
    /** The pacemaker command line tools ({@code crm_resource}, {@code crm_attribute}, ...), where pcs is absent. */
    CRM
  }

  private final CommandRunner runner;
  private final Tool tool;
  private final Duration commandTimeout;

  private PacemakerTools(CommandRunner runner, Tool tool, Duration commandTimeout) {
    this.runner = runner;
    this.tool = tool;
    this.commandTimeout = commandTimeout;
  }

  /**
   * Tools run by {@code runner}, actions through {@code tool}, each command killed after {@code commandTimeout}.
   *
   * @param runner the runner
   * @param tool the tool
   * @param commandTimeout the command timeout
   * @return the pacemaker tools
   */
  public static PacemakerTools of(CommandRunner runner, Tool tool, Duration commandTimeout) {
    return new PacemakerTools(runner, tool, commandTimeout);
  }

  /**
   * Real processes, pcs, 60 s per command.
   *
   * @return the pacemaker tools
   */
  public static PacemakerTools local() {
    return of(CommandRunner.processes(), Tool.PCS, Duration.ofSeconds(60));
  }

  @Override
  public ClusterStatus snapshot() {
    CommandResult r = runner.run(List.of("crm_mon", "--one-shot", "--inactive", "--output-as=xml"), commandTimeout);
    String out = r.stdout();
    if (out.isBlank()) {
      return ClusterStatus.notConnected("crm_mon", r.exitCode(), "crm_mon exit " + r.exitCode() + ": "
          + r.stderr().strip());
    }
    // crm_mon exits 102 with a <status code="102"> document when the cluster is down: the parser handles it
    return CrmMonParser.parse(out, "crm_mon");
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    long secs = Math.max(1, timeout.toSeconds());
    CommandResult r = runner.run(List.of("crm_resource", "--wait", "--timeout=" + secs + "s"),
        timeout.plusSeconds(10));
    if (!r.ok()) {
      LOG.debug("crm_resource --wait exit {}: {}", r.exitCode(), r.stderr().strip());
    }
    return r.ok();
  }

  @Override
  public void execute(ClusterAction action) {
    List<String> argv = tool == Tool.PCS ? pcs(action) : crm(action);
    LOG.info("cluster action {}: {}", action.describe(), argv);
    CommandResult r = runner.run(argv, commandTimeout);
    if (!r.ok()) {
      String msg = (r.stderr() + "\n" + r.stdout()).strip();
      throw new RejectedException("`" + r.commandLine() + "` failed (exit " + r.exitCode() + "): " + msg);
    }
  }

  /** The pcs command for an action (pcs 0.11 syntax). */
  static List<String> pcs(ClusterAction action) {
    List<String> a = new ArrayList<>(List.of("pcs"));
    if (action instanceof ClusterAction.Standby s) {
      a.addAll(List.of("node", s.on() ? "standby" : "unstandby", name(s.node())));
    } else if (action instanceof ClusterAction.NodeMaintenance m) {
      a.addAll(List.of("node", m.on() ? "maintenance" : "unmaintenance", name(m.node())));
    } else if (action instanceof ClusterAction.ClusterMaintenance c) {
      a.addAll(List.of("property", "set", "maintenance-mode=" + c.on()));
    } else if (action instanceof ClusterAction.Move m) {
      a.addAll(List.of("resource", "move", name(m.resource())));
      if (m.node() != null) {
        a.add(name(m.node()));
      }
    } else if (action instanceof ClusterAction.Clear c) {
      a.addAll(List.of("resource", "clear", name(c.resource())));
      if (c.node() != null) {
        a.add(name(c.node()));
      }
    } else if (action instanceof ClusterAction.Ban b) {
      a.addAll(List.of("resource", "ban", name(b.resource()), name(b.node())));
    } else if (action instanceof ClusterAction.Enable e) {
      a.addAll(List.of("resource", "enable", name(e.resource())));
    } else if (action instanceof ClusterAction.Disable d) {
      a.addAll(List.of("resource", "disable", name(d.resource())));
    } else if (action instanceof ClusterAction.Restart r) {
      a.addAll(List.of("resource", "restart", name(r.resource())));
    } else if (action instanceof ClusterAction.Cleanup c) {
      a.addAll(List.of("resource", "cleanup"));
      if (c.resource() != null) {
        a.add(name(c.resource()));
      }
      if (c.node() != null) {
        a.add("node=" + name(c.node()));
      }
    } else {
      throw new IllegalArgumentException("unknown action " + action);
    }
    return a;
  }

  /** The crm_resource / crm_attribute command for an action. */
  static List<String> crm(ClusterAction action) {
    if (action instanceof ClusterAction.Standby s) {
      return List.of("crm_attribute", "--node", name(s.node()), "--name", "standby", "--update",
          s.on() ? "on" : "off", "--lifetime", "forever");
    } else if (action instanceof ClusterAction.NodeMaintenance m) {
      return List.of("crm_attribute", "--node", name(m.node()), "--name", "maintenance", "--update",
          Boolean.toString(m.on()), "--lifetime", "forever");
    } else if (action instanceof ClusterAction.ClusterMaintenance c) {
      return List.of("crm_attribute", "--type", "crm_config", "--name", "maintenance-mode", "--update",
          Boolean.toString(c.on()));
    } else if (action instanceof ClusterAction.Move m) {
      return m.node() == null
          ? List.of("crm_resource", "--move", "--resource", name(m.resource()))
          : List.of("crm_resource", "--move", "--resource", name(m.resource()), "--node", name(m.node()));
    } else if (action instanceof ClusterAction.Clear c) {
      return c.node() == null
          ? List.of("crm_resource", "--clear", "--resource", name(c.resource()))
          : List.of("crm_resource", "--clear", "--resource", name(c.resource()), "--node", name(c.node()));
    } else if (action instanceof ClusterAction.Ban b) {
      return List.of("crm_resource", "--ban", "--resource", name(b.resource()), "--node", name(b.node()));
    } else if (action instanceof ClusterAction.Enable e) {
      return List.of("crm_resource", "--resource", name(e.resource()), "--meta", "--delete-parameter", "target-role");
    } else if (action instanceof ClusterAction.Disable d) {
      return List.of("crm_resource", "--resource", name(d.resource()), "--meta", "--set-parameter", "target-role",
          "--parameter-value", "Stopped");
    } else if (action instanceof ClusterAction.Restart r) {
      return List.of("crm_resource", "--restart", "--resource", name(r.resource()));
    } else if (action instanceof ClusterAction.Cleanup c) {
      List<String> a = new ArrayList<>(List.of("crm_resource", "--cleanup"));
      if (c.resource() != null) {
        a.addAll(List.of("--resource", name(c.resource())));
      }
      if (c.node() != null) {
        a.addAll(List.of("--node", name(c.node())));
      }
      return a;
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  static String name(String n) {
    if (!NAME.matcher(n).matches()) {
      throw new ru.sipring.core.BadInputException("name \"" + n + "\"",
          "not a pacemaker resource or node name (letters, digits, _ . : @ -; not starting with - or .)");
    }
    return n;
  }
}
