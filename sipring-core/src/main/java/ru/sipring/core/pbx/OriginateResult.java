package ru.sipring.core.pbx;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an {@link OriginateRequest}: what happened, when the PBX reported it, the channel's uniqueid
 * when one was created (to find the CDR and the recording later), and the PBX's own words on failure.
 */
public record OriginateResult(String tag, OriginateOutcome outcome, Instant at, @Nullable String uniqueId,
    @Nullable String detail) {
  /**
   * Checks the required fields.
   *
   * @param tag the request's tag, echoed
   * @param outcome what happened
   * @param at when the PBX reported it
   * @param uniqueId the channel's uniqueid, or null when no channel was created
   * @param detail the PBX's own words on failure, or null
   */
  public OriginateResult {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
  }
}
