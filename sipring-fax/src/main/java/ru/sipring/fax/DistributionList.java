package ru.sipring.fax;

import java.util.ArrayList;
import java.util.List;
import ru.sipring.core.BadInputException;

/** A named list of fax numbers to send one fax to ("Списки рассылки"). Immutable, thread-safe. */
public record DistributionList(String name, List<String> numbers) {

  /**
   * Checks the components; collections are kept as unmodifiable copies.
   *
   * @param name the name
   * @param numbers the numbers
   */
  public DistributionList {
    if (name == null || name.isBlank()) {
      throw new BadInputException("distribution list name", "is empty");
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      checked.add(FaxNumbers.check(numbers.get(i), "list '" + name + "' number " + (i + 1)));
    }
    numbers = List.copyOf(checked);
  }
}
