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
  public OriginateResult {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
  }
}
