package ru.sipring.campaign.csv;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * What an import would read from a file, before anything is stored: the encoding, delimiter and header the
 * importer detected (or was given), each column with the card field it goes to, and the first data rows as they
 * split. A screen shows it so a person can check the columns and change the mapping before the import. Made by
 * {@link ContactImporter#preview}. Immutable.
 *
 * @param charset the encoding detected or given
 * @param delimiter the field separator detected or given
 * @param header whether the first line is a header
 * @param columns the columns in file order
 * @param rows the first data rows, each with its 1-based line in the file; cells as read (outside text)
 * @param unreadable the first rows among them that could not be read, with their lines and reasons
 */
public record ImportPreview(Charset charset, char delimiter, boolean header, List<Column> columns, List<Row> rows,
    List<ImportResult.Rejection> unreadable) {

  /**
   * One column of the file.
   *
   * @param position its 1-based position, the {@code #n} of a {@link ColumnMapping}
   * @param name its header text; {@code #n} when the file has no header
   * @param target where its cells go: a {@link ru.sipring.campaign.ContactField} key, {@code custom:<name>} or
   *     {@link ColumnMapping#SKIP}
   */
  public record Column(int position, String name, String target) {
    /**
     * Checks the components.
     *
     * @param position its 1-based position
     * @param name its header text or {@code #n}
     * @param target its target
     * @throws NullPointerException when the name or the target is null
     */
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * One data row.
   *
   * @param line its 1-based line in the file
   * @param cells its cells
   */
  public record Row(long line, List<String> cells) {
    /**
     * Copies the cells.
     *
     * @param line its 1-based line in the file
     * @param cells its cells
     */
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * Copies the lists.
   *
   * @param charset the encoding
   * @param delimiter the field separator
   * @param header whether the first line is a header
   * @param columns the columns in file order
   * @param rows the first data rows
   * @param unreadable rows among them that could not be read
   */
  public ImportPreview {
    Objects.requireNonNull(charset, "charset");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * The mapping of the columns as previewed, by position: give it back, changed by a person, to
   * {@link ImportOptions#withMapping} so the import reads exactly what the preview showed.
   *
   * @return the positional mapping with this preview's header flag
   */
  public ColumnMapping mapping() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    for (Column c : columns) {
      m.put("#" + c.position(), c.target());
    }
    return new ColumnMapping(header, m);
  }
}
