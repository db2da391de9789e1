package ru.sipring.campaign;

import java.util.Optional;
import java.util.Set;
import ru.sipring.campaign.csv.ColumnMapping;

/** Saved CSV column mappings, by name. Implementations are thread-safe. */
public interface MappingRepository {
  /**
   * Saves a mapping under a name, replacing one saved under it before.
   *
   * @param name the name
   * @param mapping the mapping
   */
  void save(String name, ColumnMapping mapping);

  /**
   * A saved mapping.
   *
   * @param name its name
   * @return the mapping, or empty
   */
  Optional<ColumnMapping> find(String name);

  /**
   * The names of the saved mappings.
   *
   * @return the names
   */
  Set<String> names();
}
