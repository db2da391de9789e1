package ru.sipring.web;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import ru.sipring.core.RejectedException;
import ru.sipring.core.admin.PanelRole;
import ru.sipring.core.admin.PanelUser;
import ru.sipring.core.admin.PanelUserStore;

/**
 * Who the signed-in user is as an operator (feature: operator workspace). A stored panel user of role OPERATOR
 * is the operator registry's person its {@code operator} names (the admin pages require one); a user of
 * {@code sipring.web.users} or an admin is the number {@code sipring.web.workspace.operators.<name>} gives. The
 * operator number is also the extension the click-to-call puts the answered client through to (FreePBX: the
 * operator's extension is the registry number). A user with neither works under the sign-in name and cannot
 * call: there is no extension to ring.
 */
@Component
class WorkspaceOperators {
  /** The operator the signed-in user works as. */
  record Me(String user, String operator, @Nullable String extension) {}

  private final PanelUserStore stored;
  private final WorkspaceProperties props;

  WorkspaceOperators(PanelUserStore stored, WorkspaceProperties props) {
    this.stored = stored;
    this.props = props;
  }

  Me of(Authentication auth) {
    String user = auth.getName();
    String configured = props.operators().get(user);
    if (configured != null && !configured.isBlank()) {
      return new Me(user, configured.strip(), configured.strip());
    }
    Optional<PanelUser> u = stored.find(user);
    if (u.isPresent() && u.get().role() == PanelRole.OPERATOR && u.get().operator() != null) {
      String n = u.get().operator();
      return new Me(user, n, n);
    }
    return new Me(user, user, null);
  }

  /** The extension, or a one-line refusal naming the setting that gives one. */
  static String extension(Me me) {
    if (me.extension() == null) {
      throw new RejectedException("user " + me.user() + " is no operator with an extension: make the"
          + " user an operator of the registry, or set sipring.web.workspace.operators." + me.user());
    }
    return me.extension();
  }
}
