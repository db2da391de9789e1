package ru.sipring.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Puts the {@link LoginThrottle} in front of the password check, for the form and HTTP Basic alike. Thread-safe. */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
  private final AuthenticationProvider delegate;
  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
    this.delegate = delegate;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication auth) throws AuthenticationException {
    String user = auth.getName() == null ? "" : auth.getName();
    String address = auth.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
        ? d.getRemoteAddress() : "?";
    if (throttle.locked(user, address)) {
      throw new LockedException("too many failed sign-ins; try again later");
    }
    try {
      Authentication done = delegate.authenticate(auth);
      throttle.succeeded(user, address);
      return done;
    } catch (BadCredentialsException e) {
      throttle.failed(user, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
