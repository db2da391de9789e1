package ru.sipring.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;
import ru.sipring.ha.ActionOutcome;
import ru.sipring.ha.ClusterAction;
import ru.sipring.spring.ClusterConsole;

/**
 * The cluster pages (guide §11): the overview for admins and supervisors; for admins the actions, each in two
 * steps (a form posts to {@code /cluster/confirm}, which shows what will happen; only the confirmation posts to
 * {@code /cluster/perform}). The console records every action in the audit log; nothing here decides anything.
 */
@Controller
class ClusterPages {
  private final ObjectProvider<ClusterConsole> consoles;

  ClusterPages(ObjectProvider<ClusterConsole> consoles) {
    this.consoles = consoles;
  }

  @GetMapping("/cluster")
  String overview(Model model) {
    ClusterConsole console = consoles.getIfAvailable();
    model.addAttribute("clusterConfigured", console != null);
    if (console != null) {
      try {
        model.addAttribute("o", console.overview());
      } catch (SipRingException e) {
        model.addAttribute("error", e.getMessage());
      }
      model.addAttribute("recent", console.recentActions(10));
    }
    return "cluster";
  }

  @PostMapping("/cluster/confirm")
  String confirm(@RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String node, @RequestParam(required = false) @Nullable String resource,
      Model model, RedirectAttributes flash) {
    try {
      ClusterAction a = ClusterConsole.action(action, node, resource);
      model.addAttribute("action", action);
      model.addAttribute("node", node == null ? "" : node);
      model.addAttribute("resource", resource == null ? "" : resource);
      model.addAttribute("describe", a.describe());
      return "cluster-confirm";
    } catch (BadInputException e) {
      flash.addFlashAttribute("error", e.getMessage());
      return "redirect:/cluster";
    }
  }

  @PostMapping("/cluster/perform")
  String perform(@RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String node, @RequestParam(required = false) @Nullable String resource,
      Authentication auth, RedirectAttributes flash) {
    ClusterConsole console = consoles.getIfAvailable();
    if (console == null) {
      throw new ru.sipring.core.NotFoundException("the cluster view is off (sipring.ha.enabled)");
    }
    try {
      ActionOutcome out = console.perform(auth.getName(), ClusterConsole.action(action, node, resource));
      flash.addFlashAttribute("outcomeAction", out.action().describe());
      flash.addFlashAttribute("outcomeSettled", out.settled());
      flash.addFlashAttribute("outcomeSeconds", String.format(java.util.Locale.ROOT, "%.1f",
          out.elapsed().toMillis() / 1000.0));
    } catch (SipRingException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/cluster";
  }
}
