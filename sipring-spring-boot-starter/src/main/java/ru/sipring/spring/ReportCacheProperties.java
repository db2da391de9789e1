package ru.sipring.spring;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of computed inbound reports ({@code sipring.report.cache.*}) of {@link InboundReports}: which
 * reports are kept, how much memory they may take and how long a report is trusted when the queue_log source
 * cannot prove that nothing changed. See docs/web.md, "Report cache". Immutable and thread-safe.
 *
 * @param enabled false computes every report from the source, as before the cache existed
 * @param maxSize the most memory (estimated) the kept reports may take; null (the default) is a quarter of the
 *     JVM's maximum heap; 0 keeps nothing
 * @param maxAge how long a report is reused at most when the source's fingerprint sees only appended data (the
 *     database table: new rows are seen at once, a deleted or edited row only after this) or when operator names
 *     come from a directory that changes while the application runs (the operator registry)
 * @param liveMaxAge how long a report whose agent times run to "now" is reused (the agents section with a window
 *     that ends after the moment it was computed: a session still open grows every second); 0 (the default)
 *     computes such reports every time
 */
@ConfigurationProperties("sipring.report.cache")
public record ReportCacheProperties(@DefaultValue("true") boolean enabled, @Nullable DataSize maxSize,
    @DefaultValue("60s") Duration maxAge, @DefaultValue("0s") Duration liveMaxAge) {

  /**
   * Checks the durations and the size.
   *
   * @param enabled false computes every report from the source
   * @param maxSize the most memory the kept reports may take, null for a quarter of the maximum heap
   * @param maxAge how long a report over a source that sees only appends is reused at most
   * @param liveMaxAge how long a report whose agent times run to "now" is reused
   * @throws IllegalArgumentException when a duration or the size is negative
   */
  public ReportCacheProperties {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(liveMaxAge, "liveMaxAge");
    if (maxAge.isNegative() || liveMaxAge.isNegative()) {
      throw new IllegalArgumentException("sipring.report.cache.max-age and .live-max-age must not be negative");
    }
    if (maxSize != null && maxSize.isNegative()) {
      throw new IllegalArgumentException("sipring.report.cache.max-size must not be negative: " + maxSize);
    }
  }

  /**
   * The defaults: on, a quarter of the heap, 60 s for sources that see only appends, live reports not kept.
   *
   * @return the defaults
   */
  public static ReportCacheProperties defaults() {
    return new ReportCacheProperties(true, null, Duration.ofSeconds(60), Duration.ZERO);
  }

  /**
   * No cache: every report is computed from the source.
   *
   * @return the properties of the off switch
   */
  public static ReportCacheProperties off() {
    return new ReportCacheProperties(false, null, Duration.ofSeconds(60), Duration.ZERO);
  }

  /**
   * The memory bound in bytes: {@link #maxSize}, or a quarter of the maximum heap when it is not set.
   *
   * @return the bound, in (estimated) bytes
   */
  public long maxBytes() {
    return maxSize != null ? maxSize.toBytes() : Runtime.getRuntime().maxMemory() / 4;
  }
}
