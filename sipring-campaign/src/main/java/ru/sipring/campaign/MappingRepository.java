package ru.sipring.campaign;

import java.util.Optional;
import java.util.Set;
import ru.sipring.campaign.csv.ColumnMapping;

/** Saved CSV column mappings, by name. Implementations are thread-safe. */
public interface MappingRepository {
  void save(String name, ColumnMapping mapping);

  Optional<ColumnMapping> find(String name);

  Set<String> names();
}
