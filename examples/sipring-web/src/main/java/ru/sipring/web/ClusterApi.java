package ru.sipring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.sipring.core.BadInputException;
import ru.sipring.core.NotFoundException;
import ru.sipring.ha.ActionOutcome;
import ru.sipring.ha.ClusterJson;
import ru.sipring.spring.ClusterConsole;

/**
 * The cluster page's data and actions as JSON ({@code /api/cluster/**}). An action must carry
 * {@code "confirm": true} — the API's form of the page's confirmation step — and is recorded in the audit log.
 */
@RestController
class ClusterApi {
  private final ObjectProvider<ClusterConsole> consoles;

  ClusterApi(ObjectProvider<ClusterConsole> consoles) {
    this.consoles = consoles;
  }

  private ClusterConsole console() {
    ClusterConsole c = consoles.getIfAvailable();
    if (c == null) {
      throw new NotFoundException("the cluster view is off (sipring.ha.enabled)");
    }
    return c;
  }

  /** The document of {@code sipring cluster status --format json} plus daemons, DRBD and availability. */
  @GetMapping("/api/cluster")
  Map<String, Object> overview() {
    ClusterConsole.Overview o = console().overview();
    Map<String, Object> tree = new LinkedHashMap<>(ClusterJson.tree(o.status(), o.health()));
    tree.put("daemons", o.daemons());
    tree.put("drbd", o.drbd());
    tree.put("availability", o.availability().stream().map(a -> Map.of("service", a.service(),
        "ratio", a.ratio().toPlainString(), "upSeconds", a.up().toSeconds(), "downSeconds", a.down().toSeconds(),
        "withinBudget", a.withinBudget(), "outages", a.outages())).toList());
    return tree;
  }

  /**
   * One action.
   *
   * @param action {@code standby}, {@code unstandby}, {@code node-maintenance}, {@code node-unmaintenance},
   *     {@code maintenance-on}, {@code maintenance-off}, {@code move}, {@code cleanup}
   * @param node the node, where the action needs one
   * @param resource the resource, where the action needs one
   * @param confirm must be true
   */
  record ActionRequest(@Nullable String action, @Nullable String node, @Nullable String resource,
      @Nullable Boolean confirm) {}

  @PostMapping("/api/cluster/actions")
  Map<String, Object> act(@RequestBody ActionRequest request, Authentication auth) {
    if (!Boolean.TRUE.equals(request.confirm())) {
      throw new BadInputException("confirm", "must be true: a cluster action is carried out only when confirmed");
    }
    ActionOutcome out = console().perform(auth.getName(),
        ClusterConsole.action(request.action(), request.node(), request.resource()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", out.action().describe());
    m.put("settled", out.settled());
    m.put("elapsedMs", out.elapsed().toMillis());
    m.put("verdict", out.health().verdict().name());
    m.put("reasons", out.health().reasons().stream().map(r -> Map.of("severity", r.severity().name(),
        "subject", r.subject(), "message", r.message())).toList());
    return m;
  }

  @GetMapping("/api/cluster/actions")
  List<Map<String, String>> recent() {
    return console().recentActions(50).stream().map(e -> Map.of("at", e.at().toString(), "actor", e.actor(),
        "action", e.action(), "target", e.target(), "detail", e.detail())).toList();
  }
}
