package ru.sipring.web;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import ru.sipring.cdr.OperatorRegistry;
import ru.sipring.core.admin.PanelUserStore;
import ru.sipring.core.admin.PanelUsers;
import ru.sipring.core.admin.PasswordPolicy;
import ru.sipring.core.audit.AuditLog;

/**
 * The stored panel users: the library's {@link PanelUsers} over the starter's {@link PanelUserStore} (SipRing's
 * database, or memory without one), hashing with the panel's password encoder. The first admin and the users of
 * {@code sipring.web.users} are reserved names. An operator-role user must be a person of the operator registry.
 */
@Configuration(proxyBeanMethods = false)
class PanelConfiguration {
  @Bean
  PanelUsers panelUsers(PanelUserStore store, PasswordEncoder encoder, AuditLog audit, WebProperties props,
      ObjectProvider<OperatorRegistry> registries) {
    Set<String> reserved = new HashSet<>(props.users().keySet());
    reserved.add("admin");
    return new PanelUsers(store, PasswordPolicy.defaults(), encoder::encode, audit, Clock.systemUTC(), reserved,
        number -> {
          OperatorRegistry r = registries.getIfAvailable();
          return r != null && r.find(number).isPresent();
        });
  }
}
