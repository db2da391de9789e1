package ru.sipring.campaign.tariff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.sipring.campaign.billing.Tariff;
import ru.sipring.core.BadInputException;

/**
 * One version of a named rate table: its rates, in force for calls from {@code validFrom} until the next version's
 * {@code validFrom} (a rate's own {@code valid_from}/{@code valid_to} still narrow it). Immutable.
 *
 * @param table the rate table's name (case ignored when compared)
 * @param version 1, 2, … in the order the versions were added
 * @param validFrom the first call start this version rates
 * @param createdAt when the version was stored
 * @param source where the rates came from (a file name, "edited"), for people
 * @param rates the rates
 */
public record RateVersion(String table, int version, Instant validFrom, Instant createdAt, String source,
    List<Tariff> rates) {
  /** The longest table name. */
  public static final int MAX_NAME = 128;
  /** The longest source, and the longest destination name of a rate. */
  public static final int MAX_TEXT = 255;

  /**
   * Checks the version.
   *
   * @param table the table's name
   * @param version the version number
   * @param validFrom the first call start rated
   * @param createdAt when stored
   * @param source where the rates came from
   * @param rates the rates
   * @throws BadInputException naming {@code table}, {@code source} or {@code rates[i].name}
   */
  public RateVersion {
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(createdAt, "createdAt");
    checkName(table);
    Objects.requireNonNull(source, "source");
    if (source.length() > MAX_TEXT) {
      throw new BadInputException("source", "at most " + MAX_TEXT + " characters, was " + source.length());
    }
    rates = List.copyOf(rates);
    for (int i = 0; i < rates.size(); i++) {
      if (rates.get(i).name().length() > MAX_TEXT) {
        throw new BadInputException("rates[" + i + "].name", "at most " + MAX_TEXT + " characters");
      }
    }
  }

  /**
   * Checks a rate table's name.
   *
   * @param table the name
   * @return the name
   * @throws BadInputException naming {@code table} when it is blank, too long or has control characters
   */
  public static String checkName(String table) {
    Objects.requireNonNull(table, "table");
    if (table.isBlank()) {
      throw new BadInputException("table", "a rate table needs a name");
    }
    if (table.length() > MAX_NAME) {
      throw new BadInputException("table", "at most " + MAX_NAME + " characters, was " + table.length());
    }
    if (table.chars().anyMatch(Character::isISOControl)) {
      throw new BadInputException("table", "must not contain control characters");
    }
    return table;
  }
}
