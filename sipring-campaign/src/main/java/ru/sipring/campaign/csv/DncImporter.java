package ru.sipring.campaign.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import ru.sipring.campaign.ContactLimits;
import ru.sipring.campaign.DncRepository;
import ru.sipring.core.BadInputException;
import ru.sipring.core.text.PhoneNumber;

/**
 * Numbers for a do-not-call list: one typed in a form, or a file of them (a number per line, or a CSV whose first
 * cell that looks like a number is taken; a header line is skipped). Numbers are stored in the normal form of
 * {@link PhoneNumber}, the form the dialer and the importer compare. Stateless and thread-safe.
 */
public final class DncImporter {
  private DncImporter() {
  }

  /**
   * What a file import did.
   *
   * @param added numbers put on the list (a number already there counts too: adding is idempotent)
   * @param rejected lines that hold no number, with their 1-based line and the reason
   */
  public record Result(int added, List<ImportResult.Rejection> rejected) {
    /**
     * Copies the rejections.
     *
     * @param added numbers put on the list
     * @param rejected lines not taken
     */
    public Result {
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * The normal form of a number typed for a DNC list.
   *
   * @param raw the number as written ({@code 8 (916) 000-11-22})
   * @return its digits in the normal form ({@code 79160001122})
   * @throws BadInputException naming {@code number} when it holds no digits, letters, or too many digits
   */
  public static String number(String raw) {
    String t = raw == null ? "" : raw.trim();
    PhoneNumber p = PhoneNumber.parse(t);
    if (p.isEmpty() || p.digits().length() < 3 || p.digits().length() > ContactLimits.PHONE_NORMALIZED_CHARS
        || t.codePoints().anyMatch(Character::isLetter) && p.extension().isEmpty()) {
      throw new BadInputException("number", "'" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
          + "' is not a phone number");
    }
    return p.digits();
  }

  /**
   * Puts every number of a file on a list; lines without a number are reported and the others added.
   *
   * @param dnc the DNC lists
   * @param scopeKey the list ({@link DncRepository#GLOBAL}, {@link DncRepository#projectKey} ...)
   * @param source the file's name, for messages
   * @param bytes the file's content, in any encoding the client import accepts
   * @return the numbers added and the lines rejected
   * @throws BadInputException when the file is not text in an accepted encoding
   */
  public static Result importBytes(DncRepository dnc, String scopeKey, String source, byte[] bytes) {
    CsvText csv = CsvText.of(bytes, null, null, source);
    List<ImportResult.Rejection> rejected = new ArrayList<>();
    int added = 0;
    try (CsvRecords records = csv.records()) {
      for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
        if (r.error() != null) {
          rejected.add(new ImportResult.Rejection(r.line(), r.error()));
          continue;
        }
        if (r.blank()) {
          continue;
        }
        @org.jspecify.annotations.Nullable String found = null;
        for (String cell : r.fields()) {
          if (cell.isBlank()) {
            continue;
          }
          try {
            found = number(cell);
            break;
          } catch (BadInputException e) {
            // not this cell: a name or a note beside the number
          }
        }
        if (found != null) {
          dnc.add(scopeKey, found);
          added++;
        } else if (r.line() != 1) {
          rejected.add(new ImportResult.Rejection(r.line(), "no phone number on the line"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return new Result(added, rejected);
  }
}
