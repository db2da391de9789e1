package ru.sipring.core.pbx;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A call to start: first the {@code channel} is called (the client's number through a trunk, or the
 * operator's phone for click-to-call); when it answers it is connected to {@code extension@context}.
 *
 * @param channel the channel to dial first, such as {@code Local/79161234567@from-internal}
 * @param context the dialplan context to continue in once answered
 * @param extension the extension to continue at (the guide's "answer extension")
 * @param callerId the CallerID to present, such as {@code "Sales" <4951234567>}
 * @param timeout how long to ring before giving up (no answer)
 * @param variables channel variables to set
 * @param tag the caller's own identifier for this attempt (for example the dialer's attempt id), echoed in
 *     the result so outcomes can be matched to attempts
 */
public record OriginateRequest(String channel, String context, String extension, String callerId,
    Duration timeout, Map<String, String> variables, String tag) {
  /**
   * Checks the fields; the timeout must be positive.
   *
   * @param channel the channel to dial first, such as {@code Local/79161234567@from-internal}
   * @param context the dialplan context to continue in once answered
   * @param extension the extension to continue at (the guide's "answer extension")
   * @param callerId the CallerID to present, such as {@code "Sales" <4951234567>}
   * @param timeout how long to ring before giving up (no answer)
   * @param variables channel variables to set
   * @param tag the caller's own identifier for this attempt (for example the dialer's attempt id), echoed in the result
   *     so outcomes can be matched to attempts
   * @throws IllegalArgumentException when the timeout is zero or negative
   */
  public OriginateRequest {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(tag, "tag");
    variables = Map.copyOf(variables);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }
}
