package ru.sipring.campaign.csv;

import java.nio.charset.Charset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.DuplicateScope;

/**
 * Options of a client-base import. Immutable and thread-safe.
 *
 * @param encoding null to detect (UTF-8 with or without BOM, else Windows-1251)
 * @param delimiter null to detect ({@code ;}, tab, {@code |}, {@code ,})
 * @param mapping null to detect the header and match columns automatically
 * @param duplicates where an existing client with the same phone makes a row a duplicate (also within the file)
 * @param strict all or nothing: when any row is rejected, nothing is imported
 */
public record ImportOptions(@Nullable Charset encoding, @Nullable Character delimiter,
  /**
   * Checks the options.
   *
   * @throws NullPointerException when {@code duplicates} is null
   */
    @Nullable ColumnMapping mapping, DuplicateScope duplicates, boolean strict) {
  /**
   * Checks and copies the components.
   *
   * @param encoding null to detect (UTF-8 with or without BOM, else Windows-1251)
   * @param delimiter null to detect ({@code ;}, tab, {@code |}, {@code ,})
   * @param mapping null to detect the header and match columns automatically
   * @param duplicates where an existing client with the same phone makes a row a duplicate (also within the file)
   * @param strict all or nothing: when any row is rejected, nothing is imported
   */
  public ImportOptions {
    Objects.requireNonNull(duplicates, "duplicates");
  }

  /**
   * Detect everything, check duplicates within the assignment, keep the valid rows.
   *
   * @return the default options
   */
  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, DuplicateScope.ASSIGNMENT, false);
  }

  /**
   * These options with a column mapping.
   *
   * @param m the mapping; null to detect
   * @return the copy
   */
  public ImportOptions withMapping(@Nullable ColumnMapping m) {
    return new ImportOptions(encoding, delimiter, m, duplicates, strict);
  }

  /**
   * These options with an encoding.
   *
   * @param c the file's encoding; null to detect
   * @return the copy
   */
  public ImportOptions withEncoding(@Nullable Charset c) {
    return new ImportOptions(c, delimiter, mapping, duplicates, strict);
  }

  /**
   * These options with a delimiter.
   *
   * @param d the field separator; null to detect
   * @return the copy
   */
  public ImportOptions withDelimiter(@Nullable Character d) {
    return new ImportOptions(encoding, d, mapping, duplicates, strict);
  }

  /**
   * These options with another duplicate scope.
   *
   * @param d where an existing phone makes a row a duplicate
   * @return the copy
   */
  public ImportOptions withDuplicates(DuplicateScope d) {
    return new ImportOptions(encoding, delimiter, mapping, d, strict);
  }

  /**
   * These options, all or nothing or not.
   *
   * @param s true to import nothing when any row is rejected
   * @return the copy
   */
  public ImportOptions withStrict(boolean s) {
    return new ImportOptions(encoding, delimiter, mapping, duplicates, s);
  }
}
