package ru.sipring.campaign.tariff;

import java.time.Instant;
import java.util.List;
import ru.sipring.campaign.billing.Tariff;

/**
 * Stores rate tables and their versions. A version is never changed: an edit or an import adds the next one.
 * Implementations are thread-safe: {@link InMemoryTariffRepository} and
 * {@code ru.sipring.cdr.campaign.tariff.JdbiTariffRepository} (MariaDB and the embedded H2); both pass
 * {@code ru.sipring.testkit.contract.TariffRepositoryContract}.
 */
public interface TariffRepository {
  /**
   * Adds the next version of a rate table (the first creates the table), all or nothing.
   *
   * @param table the table's name; case is ignored when finding an existing table
   * @param validFrom the first call start the version rates
   * @param source where the rates came from, for people
   * @param rates the rates (prefixes need not be unique: rates of one prefix differ in their own validity)
   * @return the stored version, with its number and creation time
   * @throws ru.sipring.core.BadInputException naming the field for a bad name, source or rate name
   */
  RateVersion addVersion(String table, Instant validFrom, String source, List<Tariff> rates);

  /**
   * Every version of a rate table with its rates, oldest first.
   *
   * @param table the table's name (case ignored)
   * @return the versions; empty when there is no such table
   */
  List<RateVersion> versions(String table);

  /**
   * The names of every rate table, as first written, sorted.
   *
   * @return the names
   */
  List<String> tables();
}
