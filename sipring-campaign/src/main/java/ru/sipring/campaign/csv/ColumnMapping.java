package ru.sipring.campaign.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ru.sipring.campaign.ContactField;
import ru.sipring.core.BadInputException;

/**
 * How the columns of a client file become card fields. A column is named by its header text or, in files
 * without a header, by its 1-based position written {@code #5}. A target is a {@link ContactField} key
 * ({@code phone}, {@code full_name}, …), {@code custom:<name>} for a custom field, or {@code skip}. Columns the
 * mapping does not name are matched by header (field keys, Russian labels, known aliases) and otherwise kept as
 * custom fields under their header. Immutable; saved by name in a {@link ru.sipring.campaign.MappingRepository}.
 *
 * @param header whether the first line is a header
 * @param columns column (header text or {@code #n}) to target
 */
public record ColumnMapping(boolean header, Map<String, String> columns) {
  /**
   * The target that drops a column.
   */
  public static final String SKIP = "skip";
  /**
   * The prefix of a custom-field target: {@code custom:<name>}.
   */
  public static final String CUSTOM = "custom:";

  /**
   * Copies the columns and checks every target.
   *
   * @param header whether the first line is a header
   * @param columns column (header text or {@code #n}) to target
   * @throws BadInputException naming the column when a target is no field key, {@code custom:} name or {@link #SKIP}
   */
  public ColumnMapping {
    Objects.requireNonNull(columns, "columns");
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    for (Map.Entry<String, String> e : columns.entrySet()) {
      String t = e.getValue();
      if (!t.equals(SKIP) && !t.startsWith(CUSTOM) && ContactField.byHeader(t) == null) {
        throw new BadInputException("mapping:" + e.getKey(), "unknown target field '" + t + "'");
      }
    }
  }

  /**
   * Only headers, matched automatically.
   *
   * @return the mapping
   */
  public static ColumnMapping auto() {
    return new ColumnMapping(true, Map.of());
  }

  /** VICIdial's standard pipe/CSV lead layout (no header), as {@code VICIDIAL_IN_new_leads_file.pl} reads it. */
  public static final ColumnMapping VICIDIAL_STANDARD = positional(List.of(
      "external_id", "custom:source_id", "custom:list_id", "custom:phone_code", "phone", "custom:title",
      "first_name", "patronymic", "last_name", "address", "custom:address2", "custom:address3", "city",
      "custom:state", "custom:province", "custom:postal_code", "custom:country_code", "custom:gender",
      "custom:date_of_birth", "custom:alt_phone", "email", "custom:security_phrase", "note",
      "custom:called_count", "custom:status", "custom:entry_date", "custom:alt_phones"));

  /** VICIdial's status update file: {@code vendor_lead_code|STATUS}, no phone. */
  public static final ColumnMapping VICIDIAL_UPDATE = positional(List.of("external_id", "custom:status"));

  /** The built-in mappings by name: {@code auto}, {@code vicidial-standard}, {@code vicidial-update}. */
  public static final Map<String, ColumnMapping> BUILT_IN = Map.of(
      "auto", auto(), "vicidial-standard", VICIDIAL_STANDARD, "vicidial-update", VICIDIAL_UPDATE);

  /**
   * A header-less mapping: target i is column i + 1.
   *
   * @param targets the targets in column order
   * @return the mapping
   * @throws BadInputException when a target is unknown
   */
  public static ColumnMapping positional(List<String> targets) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      m.put("#" + (i + 1), targets.get(i));
    }
    return new ColumnMapping(false, m);
  }
}
