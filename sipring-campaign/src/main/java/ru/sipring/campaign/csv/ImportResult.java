package ru.sipring.campaign.csv;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What an import did: rows stored, rows rejected (with their line number in the file, 1-based, and why),
 * rows skipped as duplicates, and what was detected. Immutable.
 */
public record ImportResult(int imported, List<Rejection> rejected, int duplicates, Charset charset,
    char delimiter, boolean header, ColumnMapping mapping) {

  /** A row that could not be imported. */
  public record Rejection(long line, String reason) {}

  public ImportResult {
    rejected = List.copyOf(rejected);
  }
}
