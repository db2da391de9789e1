package ru.sipring.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.sipring.core.SipRingException;
import ru.sipring.core.admin.QueueMemberActions;
import ru.sipring.core.pbx.QueueMember;

/**
 * Queue-member actions as JSON ({@code /api/agents/**}, roles ADMIN and SUPERVISOR): the wallboard's forms for a
 * CRM, through the same audited {@link QueueMemberActions}.
 */
@RestController
@RequestMapping("/api/agents")
class AgentApi {
  private final ObjectProvider<QueueMemberActions> actions;

  AgentApi(ObjectProvider<QueueMemberActions> actions) {
    this.actions = actions;
  }

  /**
   * One action's input.
   *
   * @param queue the queue
   * @param operator the registry's operator number (add only)
   * @param memberInterface the member's interface ({@code PJSIP/501}); for add, empty means {@code PJSIP/<operator>}
   * @param reason the pause reason (pause only)
   */
  record MemberAction(String queue, @Nullable String operator,
      @com.fasterxml.jackson.annotation.JsonProperty("interface") @Nullable String memberInterface,
      @Nullable String reason) {}

  @PostMapping("/add")
  QueueMember add(Authentication auth, @RequestBody MemberAction a) {
    return actions().add(auth.getName(), AdminApi.required("queue", a.queue()),
        AdminApi.required("operator", a.operator()), a.memberInterface());
  }

  @PostMapping("/remove")
  Map<String, String> remove(Authentication auth, @RequestBody MemberAction a) {
    actions().remove(auth.getName(), AdminApi.required("queue", a.queue()),
        AdminApi.required("interface", a.memberInterface()));
    return Map.of("status", "done");
  }

  @PostMapping("/pause")
  Map<String, String> pause(Authentication auth, @RequestBody MemberAction a) {
    actions().pause(auth.getName(), AdminApi.required("queue", a.queue()),
        AdminApi.required("interface", a.memberInterface()), AdminApi.required("reason", a.reason()));
    return Map.of("status", "done");
  }

  @PostMapping("/unpause")
  Map<String, String> unpause(Authentication auth, @RequestBody MemberAction a) {
    actions().unpause(auth.getName(), AdminApi.required("queue", a.queue()),
        AdminApi.required("interface", a.memberInterface()));
    return Map.of("status", "done");
  }

  private QueueMemberActions actions() {
    QueueMemberActions a = actions.getIfAvailable();
    if (a == null) {
      throw new ru.sipring.core.ConnectionException("no PBX: the panel is not connected to Asterisk (sipring.ami.host)");
    }
    return a;
  }
}
