package ru.sipring.campaign.tariff;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import ru.sipring.campaign.billing.TariffCsv;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.InputProblem;

/**
 * Imports a rate file — SipRing's CSV, A2Billing's rate import or an ASTPP rate export, as {@link TariffCsv} reads
 * them — as the next version of a stored rate table. Rows that cannot be used are reported with their line and
 * the valid ones are stored; a file with no usable row stores nothing. Thread-safe (static functions).
 */
public final class TariffImport {
  private TariffImport() {}

  /**
   * What an import stored. Immutable.
   *
   * @param version the new version
   * @param problems the rows left out, with their line numbers
   */
  public record Imported(RateVersion version, List<InputProblem> problems) {
    /**
     * Copies the problems.
     *
     * @param version the new version
     * @param problems the rows left out
     */
    public Imported {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Imports a file.
   *
   * @param repository the store
   * @param table the rate table's name (created by the first import)
   * @param file the rate file
   * @param zone the zone of dates without one in the file
   * @param validFrom the first call start the new version rates
   * @return the stored version and the rows left out
   * @throws BadInputException naming the file when it cannot be read, is not a rate table or has no usable row,
   *     or naming {@code table}
   */
  public static Imported importFile(TariffRepository repository, String table, Path file, ZoneId zone,
      Instant validFrom) {
    RateVersion.checkName(table);
    TariffCsv.Result r = TariffCsv.read(file, zone);
    return store(repository, table, file.getFileName().toString(), r, validFrom);
  }

  /**
   * Imports file content.
   *
   * @param repository the store
   * @param table the rate table's name
   * @param source the file's name, for messages and the version's source
   * @param bytes the content
   * @param zone the zone of dates without one
   * @param validFrom the first call start the new version rates
   * @return the stored version and the rows left out
   * @throws BadInputException naming {@code source} when it is not a rate table or has no usable row
   */
  public static Imported importBytes(TariffRepository repository, String table, String source, byte[] bytes,
      ZoneId zone, Instant validFrom) {
    RateVersion.checkName(table);
    return store(repository, table, source, TariffCsv.read(source, bytes, zone), validFrom);
  }

  private static Imported store(TariffRepository repository, String table, String source, TariffCsv.Result r,
      Instant validFrom) {
    if (r.tariffs().isEmpty()) {
      throw new BadInputException(source, "no usable rate in the file" + (r.problems().isEmpty() ? ""
          : "; first problem: " + r.problems().get(0)));
    }
    String shown = source.length() > RateVersion.MAX_TEXT ? source.substring(0, RateVersion.MAX_TEXT) : source;
    return new Imported(repository.addVersion(table, validFrom, shown, r.tariffs()), r.problems());
  }
}
