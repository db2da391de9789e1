package ru.sipring.campaign.csv;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What an import did: rows stored, rows rejected (with their line number in the file, 1-based, and why),
 * rows skipped as duplicates, and what was detected. Immutable.
 */
public record ImportResult(int imported, List<Rejection> rejected, int duplicates, Charset charset,
    char delimiter, boolean header, ColumnMapping mapping) {

  /**
   * A row that could not be imported. Immutable.
   *
   * @param line its line in the file, 1-based
   * @param reason why, one line
   */
  public record Rejection(long line, String reason) {}

  /**
   * Copies the rejections.
   *
   * @param imported cards stored
   * @param rejected rows not imported, with their lines and reasons
   * @param duplicates rows skipped as duplicates
   * @param charset the encoding detected or given
   * @param delimiter the field separator detected or given
   * @param header whether the first line was a header
   * @param mapping the column mapping used
   */
  public ImportResult {
    rejected = List.copyOf(rejected);
  }
}
