package ru.sipring.cdr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which CDR rows to read: a half-open time window {@code [from, to)} on {@code calldate} and exact matches on
 * some columns. Every part is optional; {@link #all()} reads the whole table. Immutable; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * CdrQuery q = CdrQuery.builder()
 * .window(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"),
 * ZoneId.of("America/Mazatlan"))
 *     .src("100").disposition("ANSWERED").build();
 * }</pre>
 *
 * @param from first calldate included (the PBX's wall-clock time), or null
 * @param to first calldate excluded, or null
 * @param equals column name → required value, for {@code src, dst, did, disposition, uniqueid, linkedid}
 */
public record CdrQuery(@Nullable LocalDateTime from, @Nullable LocalDateTime to, Map<String, String> equals) {
  /** Columns a query may match exactly. */
  static final java.util.Set<String> FILTER_COLUMNS =
      java.util.Set.of("src", "dst", "did", "disposition", "uniqueid", "linkedid");

  /**
   * Checks and copies the components.
   *
   * @param from first calldate included (the PBX's wall-clock time), or null
   * @param to first calldate excluded, or null
   * @param equals column name → required value, for {@code src, dst, did, disposition, uniqueid, linkedid}
   */

  public CdrQuery {
    equals = Map.copyOf(equals);
    for (String column : equals.keySet()) {
      if (!FILTER_COLUMNS.contains(column)) {
        throw new IllegalArgumentException("cannot filter on " + column);
      }
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ru.sipring.core.BadInputException("window", "the window is empty: from " + from
          + " is not before to " + to);
    }
  }

  /**
   * Every row.
   *
   * @return the query
   */
  public static CdrQuery all() {
    return new CdrQuery(null, null, Map.of());
  }

  /**
   * A builder; with nothing set it matches every row.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a record passes this query (the in-memory repository and tests use it).
   *
   * @param r the record
   * @return true when it is in the window and every column given is equal
   */
  public boolean matches(CdrRecord r) {
    if (from != null && r.calldate().isBefore(from) || to != null && !r.calldate().isBefore(to)) {
      return false;
    }
    for (Map.Entry<String, String> e : equals.entrySet()) {
      if (!e.getValue().equals(r.column(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Builds a {@link CdrQuery}. Not thread-safe. */
  public static final class Builder {
    private @Nullable LocalDateTime from;
    private @Nullable LocalDateTime to;
    private final Map<String, String> equals = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Calls that started in {@code [from, to)}; {@code pbxZone} is the zone the PBX writes calldate in.
     *
     * @param from the first instant included
     * @param to the first instant excluded
     * @param pbxZone the PBX's time zone
     * @return this builder
     */
    public Builder window(Instant from, Instant to, ZoneId pbxZone) {
      return localWindow(LocalDateTime.ofInstant(from, pbxZone), LocalDateTime.ofInstant(to, pbxZone));
    }

    /**
     * Calls whose calldate (the PBX's wall-clock time) is in {@code [from, to)}; either may be null.
     *
     * @param from the first calldate included, or null for no lower bound
     * @param to the first calldate excluded, or null for no upper bound
     * @return this builder
     */
    public Builder localWindow(@Nullable LocalDateTime from, @Nullable LocalDateTime to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /**
     * Only calls from this source number ({@code src}).
     *
     * @param value the exact value
     * @return this builder
     */
    public Builder src(String value) {
      return eq("src", value);
    }

    /**
     * Only calls to this destination ({@code dst}).
     *
     * @param value the exact value
     * @return this builder
     */
    public Builder dst(String value) {
      return eq("dst", value);
    }

    /**
     * Only calls that came in on this DID ({@code did}).
     *
     * @param value the exact value
     * @return this builder
     */
    public Builder did(String value) {
      return eq("did", value);
    }

    /**
     * Only calls with this disposition, such as {@code ANSWERED} or {@code NO ANSWER}.
     *
     * @param value the exact value
     * @return this builder
     */
    public Builder disposition(String value) {
      return eq("disposition", value);
    }

    /**
     * Only the call leg with this {@code uniqueid}.
     *
     * @param value the exact value
     * @return this builder
     */
    public Builder uniqueid(String value) {
      return eq("uniqueid", value);
    }

    /**
     * Only the legs of the call with this {@code linkedid}.
     *
     * @param value the exact value
     * @return this builder
     */
    public Builder linkedid(String value) {
      return eq("linkedid", value);
    }

    private Builder eq(String column, String value) {
      equals.put(column, Objects.requireNonNull(value, column));
      return this;
    }

    /**
     * The query.
     *
     * @return the query
     * @throws ru.sipring.core.BadInputException when the window is empty
     */
    public CdrQuery build() {
      return new CdrQuery(from, to, equals);
    }
  }
}
