package ru.sipring.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
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
  UserDetailsService users(WebProperties props, PasswordEncoder encoder) {
    String admin = AdminPassword.resolve(props.adminPassword(), System.getenv());
    List<UserDetails> users = new ArrayList<>();
    users.add(User.withUsername("admin").password(encoder.encode(admin)).roles(WebProperties.Role.ADMIN.name())
        .build());
    for (Map.Entry<String, WebProperties.User> e : props.users().entrySet()) {
      String pw = e.getValue().password();
      if (!pw.startsWith("{") || pw.startsWith("{noop}")) {
        throw new IllegalStateException("sipring.web.users." + e.getKey() + ".password must be encoded "
            + "({bcrypt}$2a$... from 'htpasswd -nbBC 10 user pw', or {argon2}...), not plain text");
      }
      users.add(User.withUsername(e.getKey()).password(pw).roles(e.getValue().role().name()).build());
    }
    return new InMemoryUserDetailsManager(users);
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
  SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    String admin = WebProperties.Role.ADMIN.name();
    String supervisor = WebProperties.Role.SUPERVISOR.name();
    String operator = WebProperties.Role.OPERATOR.name();
    // the throttled manager for the form and Basic alike (Spring would otherwise build its own from the users)
    http.authenticationManager(authenticationManager);
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/api/health", "/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/admin/**", "/api/admin/**").hasRole(admin)
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
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .httpBasic(b -> b.realmName("SipRing"))
        // the API is for service accounts with HTTP Basic; forms keep CSRF tokens. A browser session calling a
        // changing /api/fax/** or /api/cluster/** endpoint without Basic credentials needs the token too (web-ops)
        .csrf(c -> c.ignoringRequestMatchers(request -> new AntPathRequestMatcher("/api/**").matches(request)
            && (!OpsPaths.changing(request) || OpsPaths.basic(request))))
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
}
