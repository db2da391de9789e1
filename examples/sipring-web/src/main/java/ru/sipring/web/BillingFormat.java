package ru.sipring.web;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.sipring.campaign.report.OutboundReportRenderer;

/**
 * The outbound report page's cells ({@code @billingFormat} in the template), formatted as the library's renderer
 * formats them. Public because SpEL calls it. Stateless and thread-safe.
 */
@Component("billingFormat")
public class BillingFormat {
  /** Made by Spring. */
  BillingFormat() {
  }

  /**
   * {@code hh:mm:ss}.
   *
   * @param d the duration or null
   * @return the text
   */
  public String hms(@Nullable Duration d) {
    return OutboundReportRenderer.hms(d);
  }

  /**
   * An average of seconds as {@code hh:mm:ss}.
   *
   * @param seconds the average or null
   * @return the text
   */
  public String avg(@Nullable Double seconds) {
    return OutboundReportRenderer.avg(seconds);
  }

  /**
   * Calls per hour.
   *
   * @param v the rate or null
   * @return the text
   */
  public String perHour(@Nullable Double v) {
    return OutboundReportRenderer.perHour(v);
  }

  /**
   * Roubles and kopecks.
   *
   * @param v the amount or null
   * @return the text
   */
  public String money(@Nullable BigDecimal v) {
    return OutboundReportRenderer.money(v);
  }
}
