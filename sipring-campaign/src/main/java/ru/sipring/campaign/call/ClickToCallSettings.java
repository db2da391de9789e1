package ru.sipring.campaign.call;

import java.time.Duration;
import java.util.Objects;
import ru.sipring.core.BadInputException;
import ru.sipring.core.text.ProtocolText;

/**
 * How {@link ClickToCall} originates: the client is dialled first on {@code channelTemplate} (its {@code {number}}
 * replaced by the card's normalised number), and when the client answers the call continues at the operator's
 * extension in {@code context}. Immutable.
 *
 * @param context the dialplan context of the operator's extension ({@code from-internal})
 * @param callerId the CallerID the client sees
 * @param ringTimeout how long the client's phone rings before the call counts as not answered (5 s to 5 min)
 * @param channelTemplate the channel the client is dialled on, with {@code {number}}
 *     ({@code Local/{number}@from-internal})
 */
public record ClickToCallSettings(String context, String callerId, Duration ringTimeout, String channelTemplate) {
  /**
   * Checks the settings.
   *
   * @param context the dialplan context
   * @param callerId the CallerID the client sees
   * @param ringTimeout how long the client rings
   * @param channelTemplate the client's channel with {@code {number}}
   * @throws BadInputException naming the setting: a blank context, a template without {@code {number}}, a ring
   *     timeout out of range, or a value with a line break or control character (it goes into an AMI action)
   */
  public ClickToCallSettings {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    Objects.requireNonNull(channelTemplate, "channelTemplate");
    if (context.isBlank()) {
      throw new BadInputException("context", "must not be blank");
    }
    ProtocolText.requireHeaderSafe("context", context);
    ProtocolText.requireHeaderSafe("callerId", callerId);
    ProtocolText.requireHeaderSafe("channelTemplate", channelTemplate);
    if (!channelTemplate.contains("{number}")) {
      throw new BadInputException("channelTemplate", "must contain {number}, was " + channelTemplate);
    }
    if (ringTimeout.compareTo(Duration.ofSeconds(5)) < 0 || ringTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new BadInputException("ringTimeout", "must be 5 s to 5 min, was " + ringTimeout.toSeconds() + " s");
    }
  }

  /**
   * The usual FreePBX settings: the client through {@code Local/{number}@context}, 30 s of ringing.
   *
   * @param context the dialplan context ({@code from-internal})
   * @param callerId the CallerID the client sees
   * @return the settings
   */
  public static ClickToCallSettings of(String context, String callerId) {
    return new ClickToCallSettings(context, callerId, Duration.ofSeconds(30), "Local/{number}@" + context);
  }
}
