package ru.sipring.testkit.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One AMI message (action, response or event): an ordered list of {@code Key: Value} headers. Lookup is
 * case-insensitive like Asterisk's {@code astman_get_header}; repeated keys (such as {@code Variable}) are kept.
 * Immutable.
 */
public record AmiMessage(List<Map.Entry<String, String>> headers) {

  /**
   * Copies the headers.
   *
   * @param headers the headers, in wire order
   */
  public AmiMessage {
    headers = List.copyOf(headers);
  }

  /**
   * A message from key/value pairs in order: {@code of("Event", "QueueCallerJoin", "Queue", "100")}.
   *
   * @param keyValues keys and values alternating; no value may be null
   * @return the message
   * @throws IllegalArgumentException when the count is odd
   */
  public static AmiMessage of(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("key/value pairs expected");
    }
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      list.add(Map.entry(keyValues[i], Objects.requireNonNull(keyValues[i + 1], keyValues[i])));
    }
    return new AmiMessage(list);
  }

  /**
   * The first value of a header, ignoring case of the key, or null.
   *
   * @param key the header name, any case
   * @return the value, or null when the header is absent
   */
  public @Nullable String get(String key) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(key)) {
        return h.getValue();
      }
    }
    return null;
  }

  /**
   * The first value, or {@code fallback} when missing or blank.
   *
   * @param key the header name, any case
   * @param fallback the value to use when the header is missing or blank
   * @return the value or the fallback
   */
  public String get(String key, String fallback) {
    String v = get(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  /**
   * Every value of a repeated header, in order.
   *
   * @param key the header name, any case
   * @return the values, empty when none
   */
  public List<String> getAll(String key) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(key)) {
        out.add(h.getValue());
      }
    }
    return out;
  }

  /**
   * The action name lower-cased, or null for responses and events.
   *
   * @return the lower-cased action, or null
   */
  public @Nullable String action() {
    String a = get("Action");
    return a == null ? null : a.toLowerCase(Locale.ROOT);
  }

  /**
   * This message without the headers named {@code key} (any case), for logs that must not keep secrets.
   *
   * @param key the header name to drop, any case
   * @return a new message
   */
  public AmiMessage without(String key) {
    return new AmiMessage(headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(key)).toList());
  }

  /**
   * A builder that keeps headers in the order they are added.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects headers in order; not thread-safe. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> list = new ArrayList<>();

    /**
     * Adds one header at the end.
     *
     * @param key the header name
     * @param value its value, not null
     * @return this builder
     */
    public Builder add(String key, String value) {
      list.add(Map.entry(key, Objects.requireNonNull(value, key)));
      return this;
    }

    /**
     * Adds headers at the end, in order.
     *
     * @param headers the headers
     * @return this builder
     */
    public Builder addAll(List<Map.Entry<String, String>> headers) {
      list.addAll(headers);
      return this;
    }

    /**
     * The message of the headers added so far.
     *
     * @return an immutable message
     */
    public AmiMessage build() {
      return new AmiMessage(list);
    }
  }

  /**
   * The message on the wire: every header CRLF-terminated, then an empty line.
   *
   * @return the wire form
   */
  public String toWire() {
    StringBuilder sb = new StringBuilder(32 * headers.size() + 2);
    for (Map.Entry<String, String> h : headers) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    return sb.append("\r\n").toString();
  }
}
