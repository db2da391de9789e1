package ru.sipring.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import ru.sipring.core.admin.PanelUser;
import ru.sipring.core.admin.PanelUserStore;
import ru.sipring.core.admin.PanelUsers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Who may do what. Browsers sign in with the form (session cookie, CSRF token on every form); service accounts
 * call {@code /api/**} with HTTP Basic. Roles: ADMIN everything; SUPERVISOR reports and live state; OPERATOR
 * the wallboard. Passwords are hashed (bcrypt by default, argon2 accepted) through a DelegatingPasswordEncoder.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(WebProperties props, PasswordEncoder encoder, PanelUserStore stored) {
    String admin = AdminPassword.resolve(props.adminPassword(), System.getenv());
    Map<String, UserDetails> fixed = new HashMap<>();
    fixed.put("admin", User.withUsername("admin").password(encoder.encode(admin))
        .roles(WebProperties.Role.ADMIN.name()).build());
    for (Map.Entry<String, WebProperties.User> e : props.users().entrySet()) {
      String pw = e.getValue().password();
      if (!pw.startsWith("{") || pw.startsWith("{noop}")) {
        throw new IllegalStateException("sipring.web.users." + e.getKey() + ".password must be encoded "
            + "({bcrypt}$2a$... from 'htpasswd -nbBC 10 user pw', or {argon2}...), not plain text");
      }
      fixed.put(e.getKey(), User.withUsername(e.getKey()).password(pw).roles(e.getValue().role().name()).build());
    }
    // ---- web-admin: the configured users first, then the users stored by the admin pages (a disabled one is
    // refused at sign-in); a copy each time, as Spring erases the credentials of what it is given
    return name -> {
      UserDetails f = fixed.get(name);
      if (f != null) {
        return User.withUserDetails(f).build();
      }
      PanelUser u = stored.find(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
      return User.withUsername(u.name()).password(u.passwordHash()).roles(u.role().name())
          .disabled(!u.enabled()).build();
    };
  }

  @Bean
  LoginThrottle loginThrottle(WebProperties props) {
    return new LoginThrottle(props.loginAttempts(), props.lockout(), Clock.systemUTC());
  }

  @Bean
  AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
      LoginThrottle throttle) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(encoder);
    return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
  }

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager,
      PanelUsers panelUsers) throws Exception {
    String admin = WebProperties.Role.ADMIN.name();
    String supervisor = WebProperties.Role.SUPERVISOR.name();
    String operator = WebProperties.Role.OPERATOR.name();
    // the throttled manager for the form and Basic alike (Spring would otherwise build its own from the users)
    http.authenticationManager(authenticationManager);
    // ---- web-admin: service accounts' API tokens (Authorization: Bearer srt_...) on /api/**
    http.addFilterBefore(new TokenAuthenticationFilter(panelUsers),
        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/api/health", "/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/admin/**", "/api/admin/**").hasRole(admin)
            // ---- web-admin: queue-member actions of the wallboard, page and API
            .requestMatchers("/wallboard/agents/**", "/api/agents/**").hasAnyRole(admin, supervisor)
            // ---- end web-admin
            .requestMatchers("/reports/**", "/api/inbound/**").hasAnyRole(admin, supervisor)
            .requestMatchers("/", "/wallboard/**", "/api/live/**").hasAnyRole(admin, supervisor, operator)
            // ---- fax and cluster (web-ops): fax for every role (the fax account's rights decide what each sees);
            // the cluster is read by admins and supervisors and changed by admins only
            .requestMatchers("/fax/**", "/api/fax/**").hasAnyRole(admin, supervisor, operator)
            .requestMatchers(HttpMethod.GET, "/cluster", "/api/cluster", "/api/cluster/**").hasAnyRole(admin, supervisor)
            .requestMatchers("/cluster/**", "/api/cluster/**").hasRole(admin)
            // ---- end fax and cluster
            // ---- surveys (survey-web): admins and supervisors edit, publish, test-run and read results; operators
            // answer surveys in the screen pop only
            .requestMatchers("/surveys", "/surveys/**", "/api/surveys/**").hasAnyRole(admin, supervisor)
            // ---- end surveys
            // ---- operator workspace: operators work there, admins may open it too; supervisors watch the
            // wallboard and reports and do not call as operators
            .requestMatchers("/workspace", "/workspace/**", "/api/workspace/**").hasAnyRole(admin, operator)
            // ---- end operator workspace
            // ---- campaign admin (campadmin): admins and supervisors read the campaigns, run the dialer and close
            // hung sessions; only admins change the tree, the bases, the DNC lists and the settings
            .requestMatchers(HttpMethod.GET, "/campaign", "/campaign/**", "/api/campaign/**").hasAnyRole(admin, supervisor)
            .requestMatchers(HttpMethod.POST, "/campaign/assignments/*/dialer/*", "/campaign/sessions/*/close",
                "/api/campaign/assignments/*/dialer/*", "/api/campaign/sessions/*/close").hasAnyRole(admin, supervisor)
            .requestMatchers("/campaign", "/campaign/**", "/api/campaign/**").hasRole(admin)
            // ---- end campaign admin
            // ---- billing and outbound reports (billing-web): admins and supervisors read rate tables and reports;
            // only admins import or edit rates
            .requestMatchers(HttpMethod.GET, "/billing/**", "/api/billing/**").hasAnyRole(admin, supervisor)
            .requestMatchers("/billing/**", "/api/billing/**").hasRole(admin)
            .requestMatchers(HttpMethod.GET, "/outbound/report", "/api/outbound/report", "/api/outbound/report.*",
                "/api/outbound/recordings/**").hasAnyRole(admin, supervisor)
            // ---- end billing
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .httpBasic(b -> b.realmName("SipRing"))
        // ---- web-admin: the API takes no CSRF token from service accounts (HTTP Basic, no session cookie); a
        // request to /api/** riding on a browser's session cookie needs the token like every form, so a page
        // elsewhere cannot make a signed-in browser pause agents
        .csrf(c -> c.ignoringRequestMatchers(SecurityConfiguration::apiWithoutSession))
        .exceptionHandling(e -> {
          BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
          basic.setRealmName("SipRing");
          e.defaultAuthenticationEntryPointFor(basic, new AntPathRequestMatcher("/api/**"));
          e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
              new AntPathRequestMatcher("/**"));
        })
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none';"
                + " frame-ancestors 'none'")));
    return http.build();
  }

  /** An {@code /api/**} request that carries HTTP Basic credentials, or no session at all (then it is refused 401). */
  static boolean apiWithoutSession(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/")
        && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
  }
}
