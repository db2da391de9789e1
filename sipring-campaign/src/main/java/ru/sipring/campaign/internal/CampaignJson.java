package ru.sipring.campaign.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the outbound model (ISO-8601 instants and durations, enums by name), shared by the embedded
 * file store and the database adapter that keeps settings, card fields and pauses as JSON columns.
 *
 * <p>Not API: it hands out Jackson's {@code ObjectMapper}, which SipRing may replace; it is public only so
 * SipRing's own modules share one JSON form. Thread-safe (the mapper is configured once and never changed).
 */
public final class CampaignJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CampaignJson() {}

  /**
   * The configured mapper; {@code ObjectMapper} is thread-safe once configured, do not reconfigure it.
   *
   * @return the shared mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
