package ru.sipring.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.sipring.core.admin.PanelUser;
import ru.sipring.core.admin.PanelUsers;

/**
 * {@code Authorization: Bearer srt_...} on {@code /api/**}: a service account's API token, checked by the library
 * ({@link PanelUsers#authenticateToken}); the request then runs as that user with their role, without a session.
 * An unknown, revoked or disabled user's token is 401. Other requests pass untouched. Thread-safe (stateless).
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {
  private final PanelUsers users;

  TokenAuthenticationFilter(PanelUsers users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || !path.startsWith("/api/")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<PanelUser> user = users.authenticateToken(header.substring(7).strip());
    if (user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"SipRing\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    PanelUser u = user.get();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u.name(), null,
        List.of(new SimpleGrantedAuthority("ROLE_" + u.role().name()))));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
