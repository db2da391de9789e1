package ru.sipring.campaign.dialer;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.RetryPolicy;

/**
 * How the dialer works an assignment. The first six are the guide's "Автоинформатор" fields; the rest are
 * pacing. Immutable.
 *
 * @param answerExtension "Добавочный номер для ответа": where an answered call goes (a queue, an IVR, a phone)
 * @param context "Контекст": the dialplan context of the answer extension and of the outgoing channel
 * @param callerId "CallerID" presented to the client
 * @param retry null for the assignment's own retry rules; {@link #guide} builds it from "Количество повторных
 *     попыток" and "Время до повторного набора"
 * @param pauseBetweenNumbers "Пауза до следующего номера": the least time between two originates
 * @param maxConcurrent calls in progress at most
 * @param mode how many calls to place
 * @param ratio calls per free operator (progressive; the starting ratio when predictive)
 * @param maxRatio the highest ratio the predictive mode may reach
 * @param abandonCap the highest abandoned / answered share of the day before predictive falls back to ratio 1
 * @param ringTimeout how long a client's phone rings
 * @param channelTemplate the channel to dial, {@code {number}} and {@code {context}} replaced
 */
public record DialerSettings(String answerExtension, String context, String callerId, @Nullable RetryPolicy retry,
    Duration pauseBetweenNumbers, int maxConcurrent, Mode mode, double ratio, double maxRatio, double abandonCap,
    Duration ringTimeout, String channelTemplate) {

  /** How many calls to place at a time. */
  public enum Mode {
    /** The guide's auto-informer: up to {@code maxConcurrent} calls, no operators needed at the extension. */
    FIXED,
    /** free operators × ratio (VICIdial RATIO, Wombat boost factor). */
    PROGRESSIVE,
    /** free operators × an adaptive ratio, forced to 1 while the day's abandon rate exceeds the cap. */
    PREDICTIVE
  }

  /**
   * Checks the settings.
   *
   *     {@code 1 <= ratio <= maxRatio}, or the abandon cap is outside {@code [0, 1]}
   *
   * @param answerExtension "Добавочный номер для ответа": where an answered call goes (a queue, an IVR, a phone)
   * @param context "Контекст": the dialplan context of the answer extension and of the outgoing channel
   * @param callerId "CallerID" presented to the client
   * @param retry null for the assignment's own retry rules; {@link #guide} builds it from "Количество повторных
   *     попыток" and "Время до повторного набора"
   * @param pauseBetweenNumbers "Пауза до следующего номера": the least time between two originates
   * @param maxConcurrent calls in progress at most
   * @param mode how many calls to place
   * @param ratio calls per free operator (progressive; the starting ratio when predictive)
   * @param maxRatio the highest ratio the predictive mode may reach
   * @param abandonCap the highest abandoned / answered share of the day before predictive falls back to ratio 1
   * @param ringTimeout how long a client's phone rings
   * @param channelTemplate the channel to dial, {@code {number}} and {@code {context}} replaced
   * @throws IllegalArgumentException when {@code maxConcurrent} is below 1, the ratios are not
   */
  public DialerSettings {
    Objects.requireNonNull(answerExtension, "answerExtension");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(pauseBetweenNumbers, "pauseBetweenNumbers");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    Objects.requireNonNull(channelTemplate, "channelTemplate");
    if (maxConcurrent < 1 || ratio < 1.0 || maxRatio < ratio || abandonCap < 0 || abandonCap > 1) {
      throw new IllegalArgumentException(
          "maxConcurrent >= 1, 1 <= ratio <= maxRatio and 0 <= abandonCap <= 1 required");
    }
  }

  /**
   * The guide's form: one call at a time, fixed mode, 30 s ringing, {@code Local/{number}@{context}}.
   *
   * @param answerExtension where an answered call goes (the operators' queue or the announcement)
   * @param context the dialplan context of the outgoing channel
   * @param callerId the caller ID shown to clients
   * @param repeats how many times an unanswered or busy client is called again
   * @param redialDelay how long to wait before calling them again
   * @param pauseBetweenNumbers the pause between two calls of the dialer
   * @return the settings
   */
  public static DialerSettings guide(String answerExtension, String context, String callerId, int repeats,
      Duration redialDelay, Duration pauseBetweenNumbers) {
    return new DialerSettings(answerExtension, context, callerId, RetryPolicy.guide(repeats, redialDelay),
        pauseBetweenNumbers, 1, Mode.FIXED, 1.0, 1.0, 0.03, Duration.ofSeconds(30), "Local/{number}@{context}");
  }

  /**
   * A builder for settings beyond the guide's form; unset options take the guide's defaults (fixed mode, one call
   * at a time, no pause, the assignment's own retry rules, 30 s ringing, {@code Local/{number}@{context}}).
   *
   * @param answerExtension where an answered call goes (a queue, an IVR, a phone)
   * @param context the dialplan context of the answer extension and of the outgoing channel
   * @param callerId the caller ID shown to clients
   * @return the builder
   */
  public static Builder builder(String answerExtension, String context, String callerId) {
    return new Builder(answerExtension, context, callerId);
  }

  /** Builds {@link DialerSettings}. Not thread-safe; use it from one thread, then drop it. */
  public static final class Builder {
    private final String answerExtension;
    private final String context;
    private final String callerId;
    private @Nullable RetryPolicy retry;
    private Duration pauseBetweenNumbers = Duration.ZERO;
    private int maxConcurrent = 1;
    private Mode mode = Mode.FIXED;
    private double ratio = 1.0;
    private double maxRatio = 1.0;
    private double abandonCap = 0.03;
    private Duration ringTimeout = Duration.ofSeconds(30);
    private String channelTemplate = "Local/{number}@{context}";

    private Builder(String answerExtension, String context, String callerId) {
      this.answerExtension = Objects.requireNonNull(answerExtension, "answerExtension");
      this.context = Objects.requireNonNull(context, "context");
      this.callerId = Objects.requireNonNull(callerId, "callerId");
    }

    /**
     * Retry rules of the dialer's own, instead of the assignment's.
     *
     * @param retry the rules; null for the assignment's
     * @return this builder
     */
    public Builder retry(@Nullable RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    /**
     * The least time between two originates.
     *
     * @param pause the pause
     * @return this builder
     */
    public Builder pauseBetweenNumbers(Duration pause) {
      this.pauseBetweenNumbers = Objects.requireNonNull(pause, "pause");
      return this;
    }

    /**
     * How many calls to place.
     *
     * @param mode the mode
     * @param maxConcurrent calls in progress at most
     * @param ratio calls per free operator (the starting ratio when predictive)
     * @param maxRatio the highest ratio the predictive mode may reach
     * @param abandonCap the day's abandon rate above which predictive falls back to ratio 1
     * @return this builder
     */
    public Builder pacing(Mode mode, int maxConcurrent, double ratio, double maxRatio, double abandonCap) {
      this.mode = Objects.requireNonNull(mode, "mode");
      this.maxConcurrent = maxConcurrent;
      this.ratio = ratio;
      this.maxRatio = maxRatio;
      this.abandonCap = abandonCap;
      return this;
    }

    /**
     * How long a client's phone rings.
     *
     * @param ringTimeout the ringing time
     * @return this builder
     */
    public Builder ringTimeout(Duration ringTimeout) {
      this.ringTimeout = Objects.requireNonNull(ringTimeout, "ringTimeout");
      return this;
    }

    /**
     * The channel to dial.
     *
     * @param channelTemplate such as {@code PJSIP/{number}@trunk}; {@code {number}} and {@code {context}} are
     *     replaced
     * @return this builder
     */
    public Builder channelTemplate(String channelTemplate) {
      this.channelTemplate = Objects.requireNonNull(channelTemplate, "channelTemplate");
      return this;
    }

    /**
     * The settings.
     *
     * @return the settings
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DialerSettings build() {
      return new DialerSettings(answerExtension, context, callerId, retry, pauseBetweenNumbers, maxConcurrent, mode,
          ratio, maxRatio, abandonCap, ringTimeout, channelTemplate);
    }
  }

  /**
   * These settings with another pacing.
   *
   * @param m the mode
   * @param max the most calls at a time
   * @param r the (starting) ratio of calls per free operator
   * @param maxR the highest ratio the predictive mode may reach
   * @param cap the day's abandon rate above which the predictive ratio drops to 1
   * @return the copy
   * @throws IllegalArgumentException as the canonical constructor
   */
  public DialerSettings withPacing(Mode m, int max, double r, double maxR, double cap) {
    return new DialerSettings(answerExtension, context, callerId, retry, pauseBetweenNumbers, max, m, r, maxR, cap,
        ringTimeout, channelTemplate);
  }
}
