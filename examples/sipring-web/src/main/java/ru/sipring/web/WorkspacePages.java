package ru.sipring.web;

import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The operator workspace page (guide §8, «форма работы оператора»; feature: operator workspace). The page is a
 * shell: its script ({@code /js/workspace.js}) does everything through {@link WorkspaceApi}, the same operations a
 * CRM calls, and receives screen pops as server-sent events. Texts from the server are set with textContent.
 */
@Controller
class WorkspacePages {
  private final WorkspaceOperators operators;

  WorkspacePages(WorkspaceOperators operators) {
    this.operators = operators;
  }

  @GetMapping("/workspace")
  String workspace(Authentication auth, Model model) {
    WorkspaceOperators.Me me = operators.of(auth);
    model.addAttribute("me", me);
    java.util.List<WorkspaceApi.FieldView> fields = new java.util.ArrayList<>();
    for (ru.sipring.campaign.ContactField f : ru.sipring.campaign.ContactField.values()) {
      if (f != ru.sipring.campaign.ContactField.PHONE) {
        fields.add(new WorkspaceApi.FieldView(f.key(), f.label()));
      }
    }
    model.addAttribute("fields", fields);
    model.addAttribute("statuses", java.util.List.of("DONE", "ANSWERED", "BUSY", "NO_ANSWER", "CONGESTION", "FAILED"));
    model.addAttribute("allStatuses", ru.sipring.campaign.ContactStatus.values());
    return "workspace";
  }

  /** The header's model for this page, as {@link PageModel} gives it to the others. */
  @ControllerAdvice(assignableTypes = WorkspacePages.class)
  static class WorkspacePageModel {
    private final PageModel common = new PageModel();

    @ModelAttribute
    void common(Model model, Authentication auth, Locale locale) {
      common.common(model, auth, locale);
    }
  }
}
