package ru.sipring.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.sipring.cdr.OperatorInfo;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.core.SipRingException;
import ru.sipring.core.admin.QueueMemberActions;
import ru.sipring.core.pbx.LiveQueueMonitor;
import ru.sipring.core.pbx.LiveQueueState;

/**
 * The wallboard and its queue-member actions for admins and supervisors: add an operator of the registry to a
 * queue, remove, pause with a reason, unpause — through the library's audited {@link QueueMemberActions} (AMI
 * QueueAdd / QueueRemove / QueuePause). The forms are drawn once by the server from the live state at page load
 * (the live tables above them are redrawn every second, which would wipe a half-typed reason).
 */
@Controller
class AgentPages {
  private final ObjectProvider<QueueMemberActions> actions;
  private final ObjectProvider<LiveQueueMonitor> monitors;
  private final ObjectProvider<OperatorRegistry> registries;

  AgentPages(ObjectProvider<QueueMemberActions> actions, ObjectProvider<LiveQueueMonitor> monitors,
      ObjectProvider<OperatorRegistry> registries) {
    this.actions = actions;
    this.monitors = monitors;
    this.registries = registries;
  }

  /** A member as the action forms list it. */
  record MemberChoice(String queue, String memberInterface, String label) {}

  @GetMapping("/wallboard")
  String wallboard(Model model, Authentication auth) {
    boolean manage = actions.getIfAvailable() != null && auth.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR"));
    model.addAttribute("canManageAgents", manage);
    if (!manage) {
      return "wallboard";
    }
    List<String> queues = new ArrayList<>();
    List<MemberChoice> members = new ArrayList<>();
    LiveQueueMonitor monitor = monitors.getIfAvailable();
    if (monitor != null) {
      for (LiveQueueState s : monitor.snapshot()) {
        queues.add(s.queue());
        for (LiveQueueState.Member m : s.members()) {
          members.add(new MemberChoice(s.queue(), m.memberInterface(), s.queue() + " · " + m.name() + " ("
              + m.memberInterface() + ")" + (m.paused() ? " ‖" : "")));
        }
      }
    }
    OperatorRegistry registry = registries.getIfAvailable();
    List<OperatorInfo> operators = registry == null ? List.of()
        : registry.list().stream().filter(OperatorInfo::active).toList();
    model.addAttribute("agentQueues", queues);
    model.addAttribute("agentMembers", members);
    model.addAttribute("agentOperators", operators);
    return "wallboard";
  }

  @PostMapping("/wallboard/agents/add")
  String add(Authentication auth, @RequestParam String queue, @RequestParam String operator,
      @RequestParam(name = "interface", required = false) @Nullable String memberInterface, RedirectAttributes flash) {
    return AdminPages.act(flash, "/wallboard", "agents.done.add",
        () -> actions().add(auth.getName(), queue, operator, memberInterface));
  }

  @PostMapping("/wallboard/agents/remove")
  String remove(Authentication auth, @RequestParam String member, RedirectAttributes flash) {
    return AdminPages.act(flash, "/wallboard", "agents.done.remove", () -> {
      String[] qi = member(member);
      actions().remove(auth.getName(), qi[0], qi[1]);
      return null;
    });
  }

  @PostMapping("/wallboard/agents/pause")
  String pause(Authentication auth, @RequestParam String member, @RequestParam String reason,
      RedirectAttributes flash) {
    return AdminPages.act(flash, "/wallboard", "agents.done.pause", () -> {
      String[] qi = member(member);
      actions().pause(auth.getName(), qi[0], qi[1], reason);
      return null;
    });
  }

  @PostMapping("/wallboard/agents/unpause")
  String unpause(Authentication auth, @RequestParam String member, RedirectAttributes flash) {
    return AdminPages.act(flash, "/wallboard", "agents.done.unpause", () -> {
      String[] qi = member(member);
      actions().unpause(auth.getName(), qi[0], qi[1]);
      return null;
    });
  }

  /** The select's value: {@code queue|interface} (a queue name holds no '|': Asterisk's are words and numbers). */
  private static String[] member(String value) {
    int bar = value.indexOf('|');
    if (bar <= 0 || bar == value.length() - 1) {
      throw new ru.sipring.core.BadInputException("member", "choose a member of a queue");
    }
    return new String[] {value.substring(0, bar), value.substring(bar + 1)};
  }

  private QueueMemberActions actions() {
    QueueMemberActions a = actions.getIfAvailable();
    if (a == null) {
      throw new SipRingException("no PBX: the panel is not connected to Asterisk (sipring.ami.host)");
    }
    return a;
  }
}
