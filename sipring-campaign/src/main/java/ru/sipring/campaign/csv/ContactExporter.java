package ru.sipring.campaign.csv;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * Writes a client base as CSV ("Выгрузить csv") that re-imports to the same cards: one column per card field
 * (by key, or by Russian label), then the calling state ({@code sipring_status}, {@code sipring_attempts}, which
 * import ignores) and every
 * custom field as {@code custom:<name>}. Excel-friendly by default:
 * {@code ;}, UTF-8 with a BOM, CRLF.
 *
 * <p>Safe against spreadsheet formula injection (OWASP "CSV injection"): every card field, custom field and
 * custom column name goes through core's {@link SpreadsheetCell#neutralise} (a cell that a spreadsheet would
 * evaluate gets a leading apostrophe, so it shows as text); the attempt count is written as the number it is.
 * Phone normalisation ignores the apostrophe, so such an export still re-imports. Stateless and thread-safe.
 */
public final class ContactExporter {
  /** The column of the card's status, written besides the card fields. */
  public static final String STATUS = "sipring_status";
  /** The column of the card's attempt count, written besides the card fields. */
  public static final String ATTEMPTS = "sipring_attempts";

  private final char delimiter;
  private final Charset charset;
  private final boolean bom;
  private final boolean russianHeaders;

  private ContactExporter(char delimiter, Charset charset, boolean bom, boolean russianHeaders) {
    this.delimiter = delimiter;
    this.charset = charset;
    this.bom = bom;
    this.russianHeaders = russianHeaders;
  }

  /**
   * {@code ;}, UTF-8 with BOM, field keys as headers: what Excel opens without an import dialog.
   *
   * @return the exporter
   */
  public static ContactExporter excel() {
    return new ContactExporter(';', StandardCharsets.UTF_8, true, false);
  }

  /**
   * An exporter with the given format.
   *
   * @param delimiter the field separator
   * @param charset the encoding
   * @param bom whether to write a byte-order mark (UTF-8 only)
   * @param russianHeaders whether the headers are the fields' Russian labels instead of their keys
   * @return the exporter
   */
  public static ContactExporter of(char delimiter, Charset charset, boolean bom, boolean russianHeaders) {
    return new ContactExporter(delimiter, charset, bom && charset.equals(StandardCharsets.UTF_8), russianHeaders);
  }

  /**
   * Writes the cards to {@code out} (not closed); every cell is neutralised for spreadsheets.
   *
   * @param contacts the cards, in the order to write
   * @param out where to write
   * @throws java.io.UncheckedIOException when writing fails
   */
  public void write(List<Contact> contacts, OutputStream out) {
    try {
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      Writer w = new OutputStreamWriter(out, charset);
      ICSVWriter csv = new CSVWriterBuilder(w).withSeparator(delimiter).withLineEnd("\r\n").build();
      Set<String> customs = new LinkedHashSet<>();
      for (Contact c : contacts) {
        customs.addAll(c.custom().keySet());
      }
      List<String> header = new ArrayList<>();
      for (ContactField f : ContactField.values()) {
        header.add(russianHeaders ? f.label() : f.key());
      }
      header.add(STATUS);
      header.add(ATTEMPTS);
      customs.forEach(k -> header.add(ColumnMapping.CUSTOM + k));
      csv.writeNext(header.stream().map(SpreadsheetCell::neutralise).toArray(String[]::new), true);
      for (Contact c : contacts) {
        List<String> row = new ArrayList<>(header.size());
        for (ContactField f : ContactField.values()) {
          row.add(SpreadsheetCell.neutralise(c.get(f)));
        }
        row.add(c.status().name());
        row.add(Integer.toString(c.attempts()));
        for (String k : customs) {
          row.add(SpreadsheetCell.neutralise(c.custom().getOrDefault(k, "")));
        }
        csv.writeNext(row.toArray(String[]::new), true);
      }
      csv.flush();
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV export", e);
    }
  }
}
