package ru.sipring.campaign.csv;

import java.nio.charset.Charset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.DuplicateScope;

/**
 * Options of a client-base import. Immutable.
 *
 * @param encoding null to detect (UTF-8 with or without BOM, else Windows-1251)
 * @param delimiter null to detect ({@code ;}, tab, {@code |}, {@code ,})
 * @param mapping null to detect the header and match columns automatically
 * @param duplicates where an existing client with the same phone makes a row a duplicate (also within the file)
 * @param strict all or nothing: when any row is rejected, nothing is imported
 */
public record ImportOptions(@Nullable Charset encoding, @Nullable Character delimiter,
    @Nullable ColumnMapping mapping, DuplicateScope duplicates, boolean strict) {
  public ImportOptions {
    Objects.requireNonNull(duplicates, "duplicates");
  }

  /** Detect everything, check duplicates within the assignment, keep the valid rows. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, DuplicateScope.ASSIGNMENT, false);
  }

  public ImportOptions withMapping(@Nullable ColumnMapping m) {
    return new ImportOptions(encoding, delimiter, m, duplicates, strict);
  }

  public ImportOptions withEncoding(@Nullable Charset c) {
    return new ImportOptions(c, delimiter, mapping, duplicates, strict);
  }

  public ImportOptions withDelimiter(@Nullable Character d) {
    return new ImportOptions(encoding, d, mapping, duplicates, strict);
  }

  public ImportOptions withDuplicates(DuplicateScope d) {
    return new ImportOptions(encoding, delimiter, mapping, d, strict);
  }

  public ImportOptions withStrict(boolean s) {
    return new ImportOptions(encoding, delimiter, mapping, duplicates, s);
  }
}
