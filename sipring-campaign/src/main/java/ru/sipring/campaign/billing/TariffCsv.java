package ru.sipring.campaign.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.csv.CsvRecords;
import ru.sipring.campaign.csv.CsvText;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Reads rate tables from CSV. The SipRing header is
 * {@code
 * prefix,name,price_per_minute,initial_block,billing_block,connect_charge,free_seconds,minimal_cost,valid_from,valid_to}
 * (any order, blank = default: name = prefix, blocks 0/1, charges 0, always valid). The column names of
 * A2Billing's rate import ({@code dialprefix;destination;rate initial;…;initblock;billingblock}) and of ASTPP's
 * rate exports ({@code Code,Destination,Connect Cost,Included Seconds,Per Minute Cost,Initial Increment,Increment})
 * are understood too. The encoding and the delimiter are detected ({@link CsvText}).
 *
 * <p>A bad row is reported with its line and column and skipped; the valid rows are still returned. A file
 * without a prefix or price column is rejected as a whole. Stateless and thread-safe.
 */
public final class TariffCsv {

  /** The tariffs read and the rows that could not be used. */
  public record Result(List<Tariff> tariffs, List<InputProblem> problems) {
    /**
     * Checks and copies the components.
     *
     * @param tariffs the tariffs read
     * @param problems the rows that could not be used, with their lines
     */
    public Result {
      tariffs = List.copyOf(tariffs);
      problems = List.copyOf(problems);
    }
  }

  private enum Col {
    PREFIX("prefix"), NAME("name"), PRICE("price_per_minute"), INITIAL("initial_block"),
    BLOCK("billing_block"), CONNECT("connect_charge"), FREE("free_seconds"), MINIMAL("minimal_cost"),
    FROM("valid_from"), TO("valid_to");

    final String label;

    Col(String label) {
      this.label = label;
    }
  }

  private static final Map<String, Col> ALIASES = new HashMap<>();

  static {
    alias(Col.PREFIX, "prefix", "dialprefix", "code", "dial prefix");
    alias(Col.NAME, "name", "destination");
    alias(Col.PRICE, "price_per_minute", "rate initial", "rateinitial", "per minute cost", "cost / min", "rate");
    alias(Col.INITIAL, "initial_block", "initblock", "initial increment");
    alias(Col.BLOCK, "billing_block", "billingblock", "increment");
    alias(Col.CONNECT, "connect_charge", "connectcharge", "connect cost", "connection cost");
    alias(Col.FREE, "free_seconds", "included seconds");
    alias(Col.MINIMAL, "minimal_cost");
    alias(Col.FROM, "valid_from", "startdate");
    alias(Col.TO, "valid_to", "stopdate");
  }

  private static void alias(Col col, String... names) {
    for (String n : names) {
      ALIASES.put(n, col);
    }
  }

  private TariffCsv() {}

  /**
   * Reads a rate table file; dates without a zone are read in {@code zone}.
   *
   * @param file the CSV file
   * @param zone the zone of dates without one
   * @return the tariffs and the rows that could not be used
   * @throws BadInputException when the file is missing, a directory, unreadable, or not a rate table at all
   */
  public static Result read(Path file, ZoneId zone) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file.toString(), "is a directory, not a rate table file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    return read(file.getFileName().toString(), bytes, zone);
  }

  /**
   * Reads rate table bytes named {@code source} in messages.
   *
   * @param source the name in messages
   * @param bytes the content
   * @param zone the zone of dates without one
   * @return the tariffs and the rows that could not be used (a row {@link CsvRecords} cannot read, too long or
   *     with a quote never closed, is one of them; the rows after it are still read)
   * @throws BadInputException when the content is not a rate table (no header, no prefix or price column, bytes
   *     not valid in its encoding)
   */
  public static Result read(String source, byte[] bytes, ZoneId zone) {
    CsvText csv = CsvText.of(bytes, null, null, source);
    List<Tariff> tariffs = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    try (CsvRecords reader = csv.records()) {
      CsvRecords.Record first = reader.next();
      while (first != null && (first.error() != null || first.blank())) {
        if (first.error() != null) {
          problems.add(new InputProblem(source, first.line(), first.error()));
        }
        first = reader.next();
      }
      if (first == null) {
        throw new BadInputException(source, "empty file");
      }
      String[] header = first.fields().toArray(new String[0]);
      Map<Col, Integer> cols = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        String h = header[i].trim().toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "").trim();
        Col c = ALIASES.get(h);
        if (c != null && !cols.containsKey(c)) {
          cols.put(c, i);
        }
      }
      if (!cols.containsKey(Col.PREFIX) || !cols.containsKey(Col.PRICE)) {
        String shown = String.join(csv.delimiter() + "", header);
        throw new BadInputException(source + ":" + first.line(), "the header names no prefix or no price column ("
            + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown)
            + "); expected prefix,name,price_per_minute,...");
      }
      CsvRecords.Record rec;
      while ((rec = reader.next()) != null) {
        long line = rec.line();
        if (rec.error() != null) {
          problems.add(new InputProblem(source, line, rec.error()));
          continue;
        }
        String[] row = rec.fields().toArray(new String[0]);
        if (rec.blank() || row[0].startsWith("#")) {
          continue;
        }
        try {
          tariffs.add(parse(row, cols, zone, source + ":" + line));
        } catch (BadInputException e) {
          problems.add(new InputProblem(source, line, String.valueOf(e.getMessage()).substring(e.location().length() + 2)));
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadInputException(source, "bytes that are not valid " + csv.charset().name(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return new Result(tariffs, problems);
  }

  private static Tariff parse(String[] row, Map<Col, Integer> cols, ZoneId zone, String where) {
    String prefix = digits(cell(row, cols, Col.PREFIX));
    if (prefix == null || prefix.isEmpty()) {
      throw new BadInputException(where, "prefix: not a digit prefix: '" + raw(row, cols, Col.PREFIX) + "'");
    }
    String name = cell(row, cols, Col.NAME);
    BigDecimal price = money(row, cols, Col.PRICE, where);
    if (price == null) {
      throw new BadInputException(where, "price_per_minute: missing");
    }
    int initial = seconds(row, cols, Col.INITIAL, where, 0);
    int block = seconds(row, cols, Col.BLOCK, where, 1);
    try {
      return new Tariff(prefix, name == null ? prefix : name, price, initial, Math.max(block, 1),
          moneyOrZero(row, cols, Col.CONNECT, where), seconds(row, cols, Col.FREE, where, 0),
          moneyOrZero(row, cols, Col.MINIMAL, where), instant(row, cols, Col.FROM, zone, where),
          instant(row, cols, Col.TO, zone, where));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where, String.valueOf(e.getMessage()));
    }
  }

  private static @Nullable String raw(String[] row, Map<Col, Integer> cols, Col c) {
    Integer i = cols.get(c);
    return i == null || i >= row.length ? null : row[i];
  }

  private static @Nullable String cell(String[] row, Map<Col, Integer> cols, Col c) {
    String v = raw(row, cols, c);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static @Nullable String digits(@Nullable String v) {
    if (v == null) {
      return null;
    }
    String s = v.startsWith("+") ? v.substring(1) : v;
    return s.chars().allMatch(ch -> ch >= '0' && ch <= '9') ? s : null;
  }

  private static BigDecimal moneyOrZero(String[] row, Map<Col, Integer> cols, Col c, String where) {
    BigDecimal d = money(row, cols, c, where);
    return d == null ? BigDecimal.ZERO : d;
  }

  /** The amount in column {@code c}, or null when the cell is empty or missing. */
  private static @Nullable BigDecimal money(String[] row, Map<Col, Integer> cols, Col c, String where) {
    String v = cell(row, cols, c);
    if (v == null) {
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new BadInputException(where, c.label + ": not a number: '" + shorten(v) + "'");
    }
    if (d.abs().compareTo(Tariff.MAX_PRICE) > 0) {
      throw new BadInputException(where, c.label + ": " + shorten(v) + " is more than " + Tariff.MAX_PRICE.toPlainString());
    }
    return d;
  }

  private static int seconds(String[] row, Map<Col, Integer> cols, Col c, String where, int dflt) {
    String v = cell(row, cols, c);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadInputException(where, c.label + ": not whole seconds: '" + shorten(v) + "'");
    }
  }

  /** A cell as shown in a one-line message: at most 40 characters. */
  private static String shorten(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "..." : v;
  }

  private static @Nullable Instant instant(String[] row, Map<Col, Integer> cols, Col c, ZoneId zone,
      String where) {
    String v = cell(row, cols, c);
    if (v == null) {
      return null;
    }
    try {
      if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return Instant.parse(v.replace(' ', 'T'));
      }
      if (v.length() <= 10) {
        return LocalDate.parse(v).atStartOfDay(zone).toInstant();
      }
      return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadInputException(where, c.label + ": not a date: '" + v + "'");
    }
  }
}
