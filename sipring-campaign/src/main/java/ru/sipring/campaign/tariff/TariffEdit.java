package ru.sipring.campaign.tariff;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ru.sipring.campaign.billing.Tariff;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.BadInputException;

/**
 * Editing a rate table's rates as a person does on a screen: the rows of a version as text fields, changed, added
 * or removed (a row whose fields are all blank is a removed row), checked row by row so that every bad field of
 * every row is reported at once, and stored as the table's next version. Edited rates are in force for the whole
 * period of their version (a rate's own validity, which only imported files carry, is not kept). Thread-safe
 * (static functions).
 */
public final class TariffEdit {
  /** The source recorded for a version made by editing. */
  public static final String EDITED = "edited";

  private TariffEdit() {}

  /**
   * One rate as text fields, as a form sends them. Immutable.
   *
   * @param prefix digits
   * @param name the destination's name
   * @param pricePerMinute the price of 60 billed seconds ({@code 1.50} or {@code 1,50})
   * @param initialBlock seconds billed at least once answered
   * @param billingBlock the increment after the initial block, at least 1
   * @param connectCharge added once to every charged call
   * @param freeSeconds answered calls of at most this many seconds cost nothing
   * @param minimalCost the floor of a charged call's cost
   */
  public record Row(String prefix, String name, String pricePerMinute, String initialBlock, String billingBlock,
      String connectCharge, String freeSeconds, String minimalCost) {
    /**
     * Copies nulls as empty fields.
     *
     * @param prefix digits
     * @param name the destination's name
     * @param pricePerMinute the price of 60 billed seconds
     * @param initialBlock seconds billed at least once answered
     * @param billingBlock the increment after the initial block
     * @param connectCharge added once to every charged call
     * @param freeSeconds free seconds
     * @param minimalCost the floor of a charged call's cost
     */
    public Row {
      prefix = prefix == null ? "" : prefix.trim();
      name = name == null ? "" : name.trim();
      pricePerMinute = pricePerMinute == null ? "" : pricePerMinute.trim();
      initialBlock = initialBlock == null ? "" : initialBlock.trim();
      billingBlock = billingBlock == null ? "" : billingBlock.trim();
      connectCharge = connectCharge == null ? "" : connectCharge.trim();
      freeSeconds = freeSeconds == null ? "" : freeSeconds.trim();
      minimalCost = minimalCost == null ? "" : minimalCost.trim();
    }

    /**
     * The fields of a stored rate.
     *
     * @param t the rate
     * @return its row
     */
    public static Row of(Tariff t) {
      return new Row(t.prefix(), t.name(), t.pricePerMinute().toPlainString(), Integer.toString(t.initialBlock()),
          Integer.toString(t.billingBlock()), t.connectCharge().toPlainString(), Integer.toString(t.freeSeconds()),
          t.minimalCost().toPlainString());
    }

    /**
     * Whether every field is blank (a removed row).
     *
     * @return true when blank
     */
    public boolean blank() {
      return (prefix + name + pricePerMinute + initialBlock + billingBlock + connectCharge + freeSeconds
          + minimalCost).isEmpty();
    }
  }

  /**
   * A bad field of a row. Immutable.
   *
   * @param row the row's index in the list given, from 0
   * @param field the field's name as in {@link Row} ({@code prefix}, {@code pricePerMinute}, ...)
   * @param message what is wrong, in one line
   */
  public record RowError(int row, String field, String message) {}

  /**
   * The rates of the rows that are good, and the errors of the others. Immutable.
   *
   * @param rates the rates, in row order (blank rows left out)
   * @param errors every error, in row order
   */
  public record Checked(List<Tariff> rates, List<RowError> errors) {
    /**
     * Copies the lists.
     *
     * @param rates the rates
     * @param errors the errors
     */
    public Checked {
      rates = List.copyOf(rates);
      errors = List.copyOf(errors);
    }

    /**
     * Whether every row is good.
     *
     * @return true when there is no error
     */
    public boolean ok() {
      return errors.isEmpty();
    }

    /**
     * The errors of one row.
     *
     * @param row the row's index
     * @return its errors, maybe none
     */
    public List<RowError> errorsOf(int row) {
      return errors.stream().filter(e -> e.row() == row).toList();
    }
  }

  /**
   * Checks every row: a prefix of digits that no other row has, a name of at most {@link RateVersion#MAX_TEXT}
   * characters, prices that are decimal numbers from 0 to {@link Tariff#MAX_PRICE}, blocks and free seconds that
   * are whole numbers in range. Blank rows are skipped.
   *
   * @param rows the rows
   * @return the good rates and every error
   */
  public static Checked check(List<Row> rows) {
    List<Tariff> out = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Integer> prefixes = new HashMap<>();
    int used = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = Objects.requireNonNull(rows.get(i), "row");
      if (r.blank()) {
        continue;
      }
      used++;
      List<RowError> mine = new ArrayList<>();
      if (r.prefix().isEmpty() || !r.prefix().chars().allMatch(c -> c >= '0' && c <= '9')) {
        mine.add(new RowError(i, "prefix", "a prefix is digits only, was '" + r.prefix() + "'"));
      } else if (r.prefix().length() > 32) {
        mine.add(new RowError(i, "prefix", "at most 32 digits"));
      } else {
        Integer before = prefixes.putIfAbsent(r.prefix(), i);
        if (before != null) {
          mine.add(new RowError(i, "prefix", "prefix " + r.prefix() + " is already on row " + (before + 1)));
        }
      }
      if (r.name().length() > RateVersion.MAX_TEXT) {
        mine.add(new RowError(i, "name", "at most " + RateVersion.MAX_TEXT + " characters"));
      } else if (r.name().chars().anyMatch(Character::isISOControl)) {
        mine.add(new RowError(i, "name", "must not contain control characters"));
      }
      @Nullable BigDecimal price = money(i, "pricePerMinute", r.pricePerMinute(), false, mine);
      @Nullable BigDecimal connect = money(i, "connectCharge", r.connectCharge(), true, mine);
      @Nullable BigDecimal minimal = money(i, "minimalCost", r.minimalCost(), true, mine);
      if (minimal != null && minimal.stripTrailingZeros().scale() > 2) {
        mine.add(new RowError(i, "minimalCost", "at most 2 decimals (kopecks), was " + r.minimalCost()));
        minimal = null;
      }
      @Nullable Integer initial = seconds(i, "initialBlock", r.initialBlock(), 0, 0, mine);
      @Nullable Integer block = seconds(i, "billingBlock", r.billingBlock(), 1, 1, mine);
      @Nullable Integer free = seconds(i, "freeSeconds", r.freeSeconds(), 0, 0, mine);
      if (mine.isEmpty() && price != null && connect != null && minimal != null && initial != null && block != null
          && free != null) {
        out.add(new Tariff(r.prefix(), r.name(), price, initial, block, connect, free, minimal, null, null));
      }
      errors.addAll(mine);
    }
    if (used == 0) {
      errors.add(new RowError(0, "prefix", "a rate table needs at least one rate"));
    }
    return new Checked(out, errors);
  }

  /**
   * Checks the rows and stores them as the next version of {@code table}.
   *
   * @param repository the store
   * @param table the rate table's name
   * @param validFrom the first call start the new version rates
   * @param rows the edited rows
   * @return the stored version
   * @throws BadInputException naming {@code rows[i].field} of the first bad field when any row is bad (nothing is
   *     stored), or naming {@code table}
   */
  public static RateVersion save(TariffRepository repository, String table, Instant validFrom, List<Row> rows) {
    RateVersion.checkName(table);
    Checked c = check(rows);
    if (!c.ok()) {
      RowError e = c.errors().get(0);
      throw new BadInputException("rows[" + e.row() + "]." + e.field(), e.message()
          + (c.errors().size() > 1 ? " (and " + (c.errors().size() - 1) + " more)" : ""));
    }
    return repository.addVersion(table, validFrom, EDITED, c.rates());
  }

  private static @Nullable BigDecimal money(int row, String field, String text, boolean blankIsZero, List<RowError> errors) {
    if (text.isEmpty()) {
      if (blankIsZero) {
        return BigDecimal.ZERO;
      }
      errors.add(new RowError(row, field, "a price is needed"));
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(text.replace(',', '.'));
    } catch (NumberFormatException e) {
      errors.add(new RowError(row, field, "'" + text + "' is not a number such as 1.50"));
      return null;
    }
    if (d.signum() < 0 || d.compareTo(Tariff.MAX_PRICE) > 0) {
      errors.add(new RowError(row, field, "must be from 0 to " + Tariff.MAX_PRICE + ", was " + text));
      return null;
    }
    return d;
  }

  private static @Nullable Integer seconds(int row, String field, String text, int dflt, int min, List<RowError> errors) {
    if (text.isEmpty()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > 86_400) {
        errors.add(new RowError(row, field, "must be a whole number of seconds from " + min + " to 86400, was "
            + text));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(new RowError(row, field, "'" + text + "' is not a whole number of seconds"));
      return null;
    }
  }
}
