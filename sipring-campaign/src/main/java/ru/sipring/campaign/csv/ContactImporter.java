package ru.sipring.campaign.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.sipring.campaign.Contact;
import ru.sipring.campaign.ContactField;
import ru.sipring.campaign.ContactLimits;
import ru.sipring.campaign.ContactRepository;
import ru.sipring.core.text.PhoneNumber;
import ru.sipring.core.BadInputException;

/**
 * Imports a client base from a delimited text file into one assignment (opencsv does the parsing). It detects
 * the encoding, the delimiter and the header; maps columns to card fields ({@link ColumnMapping}); normalises
 * phones; rejects bad rows with their line number and reason; skips duplicates by normalised phone within the
 * file and within the chosen scope; and stores the valid rows in one all-or-nothing write.
 *
 * <p>A row is rejected when it has more non-empty cells than the header has columns (a ragged row whose values
 * would shift), when it has no phone (and, for files without a phone column, no external id), or when a phone
 * has fewer than 2 or more than 20 digits, or when a cell does not fit the stores' limits ({@link ContactLimits},
 * naming the field). A row {@link CsvRecords} cannot read (a quote never closed, a field longer than
 * {@link CsvRecords#MAX_FIELD_CHARS}) is rejected at its line and reading goes on at the next line. Bytes that
 * are not valid in the file's encoding refuse the whole file ({@link CsvText}). Thread-safe if the repository
 * is.
 */
public final class ContactImporter {
  private static final Pattern PHONE_LIKE = Pattern.compile("^[+\\d][\\d\\s()\\-.]{4,}$");
  private static final Pattern STATUS_LIKE = Pattern.compile("^[A-Z][A-Z0-9]{0,7}$");
  private static final Pattern PHONE_SPLIT = Pattern.compile("[;,]");

  private final ContactRepository contacts;

  /**
   * An importer into a card store.
   *
   * @param contacts where the cards go; it stores each import all or nothing
   */
  public ContactImporter(ContactRepository contacts) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  /**
   * The rows of a file as cards ready to store, the rejected rows and what was detected. Immutable.
   *
   * @param contacts the valid cards, in file order
   * @param lines the line of each card, same order
   * @param rejected the rows not taken, with their lines and reasons
   * @param csv the decoded file (encoding and delimiter)
   * @param header whether the first line was a header
   * @param mapping the column mapping used
   */
  public record Parsed(List<Contact> contacts, List<Long> lines, List<ImportResult.Rejection> rejected,
      CsvText csv, boolean header, ColumnMapping mapping) {}

  /**
   * Imports {@code file} into {@code assignmentId}.
   *
   * @param assignmentId the assignment the cards go into
   * @param file the client base
   * @param options how to read and check it
   * @return what was imported and rejected
   * @throws BadInputException when the file is missing, unreadable or not a client base
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  public ImportResult importFile(long assignmentId, Path file, ImportOptions options) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file.toString(), "is a directory, not a client base file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    return importBytes(assignmentId, file.getFileName().toString(), bytes, options);
  }

  /**
   * Imports file content named {@code source} in messages. The file is parsed on a second thread, a few chunks
   * ahead of the store (which then only checks duplicates and writes): parsing is a fifth of an import's work and
   * needs no database, so the two overlap on a machine with a core to spare.
   *
   * @param assignmentId the assignment the cards go into
   * @param source the file's name, for messages
   * @param bytes the file's content
   * @param options how to read and check it
   * @return what was imported and rejected
   * @throws BadInputException when the file cannot be read as a client base (no phone column, invalid bytes)
   * @throws ru.sipring.core.NotFoundException when the assignment does not exist
   */
  public ImportResult importBytes(long assignmentId, String source, byte[] bytes, ImportOptions options) {
    Rows rows = new Rows(assignmentId, source, bytes, options);
    Parser parser = new Parser(rows, options.strict(),
        options.duplicates() != ru.sipring.campaign.DuplicateScope.NONE);
    Chunks chunks = new Chunks(parser, assignmentId, options);
    int imported;
    try {
      parser.start();
      imported = contacts.insertChunks(assignmentId, chunks);
    } catch (StrictAbort abort) {
      imported = 0;
      // the parser goes on to the end so the report lists every rejected row, not only those before the first one
    } finally {
      parser.finish();
    }
    List<ImportResult.Rejection> rejected = new ArrayList<>(rows.rejected);
    rejected.sort(java.util.Comparator.comparingLong(ImportResult.Rejection::line));
    return new ImportResult(imported, rejected, chunks.duplicates, rows.csv.charset(), rows.csv.delimiter(),
        rows.header, rows.mapping);
  }

  /** Cards parsed for the store, and how many rows the parser dropped as repeats of an earlier row's phone. */
  private record ParsedChunk(List<Contact> cards, int fileDuplicates) {}

  /**
   * Parses {@link Rows} on its own thread into chunks of {@link Chunks#SIZE} cards, at most {@link #AHEAD} chunks
   * ahead of the store, and drops the rows whose phone an earlier row of the file had (that needs no database, and
   * the store's thread is the busier one). Only the parser thread touches {@code rows} and {@code seen} until
   * {@link #finish} has joined it. A failure of the parser (bytes that are not valid after all) is rethrown to the
   * store's thread by {@link #take}.
   */
  private static final class Parser implements Runnable {
    private static final int AHEAD = 4;
    private static final Object END = new Object();
    private final Rows rows;
    private final boolean strict;
    private final boolean dedupe;
    private final Set<String> seen = new HashSet<>();
    private final java.util.concurrent.BlockingQueue<Object> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    /** Set when the store stopped taking chunks: the parser then only reads on to collect rejected rows. */
    private volatile boolean abandoned;

    Parser(Rows rows, boolean strict, boolean dedupe) {
      this.rows = rows;
      this.strict = strict;
      this.dedupe = dedupe;
      this.thread = new Thread(this, "sipring-import-parser");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    @Override
    public void run() {
      try {
        while (true) {
          List<Contact> chunk = new ArrayList<>(Chunks.SIZE);
          int repeats = 0;
          Contact c;
          while (chunk.size() < Chunks.SIZE && (c = rows.next()) != null) {
            String phone = c.phoneNormalized();
            if (dedupe && !phone.isEmpty() && !seen.add(phone)) {
              repeats++;
            } else {
              chunk.add(c);
            }
          }
          // a rejected row in a strict import: the store stores nothing, so no chunk after it is needed
          boolean stop = strict && !rows.rejected.isEmpty();
          if (stop || chunk.isEmpty() && repeats == 0) {
            put(stop ? new StrictAbort() : END);
            while (rows.next() != null) {
              // rejected rows are collected by rows
            }
            return;
          }
          put(new ParsedChunk(chunk, repeats));
          if (abandoned) {
            return; // the store failed: nothing will be reported, so the rest need not be read
          }
        }
      } catch (RuntimeException | Error e) {
        put(e);
      }
    }

    /** Hands an item to the store's thread; dropped once the store stopped taking them. */
    private void put(Object item) {
      try {
        while (!abandoned) {
          if (queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        abandoned = true;
      }
    }

    /** The next chunk, or null at the end; rethrows the parser's failure or the strict abort. */
    @Nullable ParsedChunk take() {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ru.sipring.core.SipRingException("interrupted while importing", e);
      }
      if (item == END) {
        return null;
      }
      if (item instanceof RuntimeException e) {
        throw e;
      }
      if (item instanceof Error e) {
        throw e;
      }
      return (ParsedChunk) item;
    }

    /** Stops handing out chunks and waits until the parser has read the rest (so {@code rows} is complete). */
    void finish() {
      abandoned = true;
      queue.clear();
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Thrown from a chunk in strict mode once a row was rejected: the repository then stores nothing. */
  private static final class StrictAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StrictAbort() {
      super("a row was rejected in an all-or-nothing import", null, false, false);
    }
  }

  /**
   * Pulls parsed cards a chunk at a time and drops the duplicates within the scope (the parser dropped those within
   * the file, which are counted here as their chunk is taken).
   */
  private final class Chunks implements ru.sipring.campaign.ContactChunks {
    static final int SIZE = 1000;
    private final Parser parser;
    private final long assignmentId;
    private final ImportOptions options;
    private final boolean scopeEmpty;
    int duplicates;

    Chunks(Parser parser, long assignmentId, ImportOptions options) {
      this.parser = parser;
      this.assignmentId = assignmentId;
      this.options = options;
      this.scopeEmpty = !contacts.anyInScope(options.duplicates(), assignmentId);
    }

    @Override
    public @Nullable List<Contact> next() {
      ParsedChunk parsed = parser.take();
      if (parsed == null) {
        return null;
      }
      duplicates += parsed.fileDuplicates();
      List<Contact> chunk = parsed.cards();
      if (options.duplicates() == ru.sipring.campaign.DuplicateScope.NONE || scopeEmpty) {
        return chunk;
      }
      // the parser let each phone through once, so these are the file's first rows with their phones
      List<String> phones = new ArrayList<>(chunk.size());
      for (Contact x : chunk) {
        if (!x.phoneNormalized().isEmpty()) {
          phones.add(x.phoneNormalized());
        }
      }
      Set<String> existing = phones.isEmpty() ? Set.of()
          : contacts.existingPhones(options.duplicates(), assignmentId, phones);
      if (existing.isEmpty()) {
        return chunk;
      }
      List<Contact> keep = new ArrayList<>(chunk.size());
      for (Contact x : chunk) {
        if (existing.contains(x.phoneNormalized())) {
          duplicates++;
        } else {
          keep.add(x);
        }
      }
      return keep;
    }
  }

  /**
   * Parses without storing: the cards, their lines and the rejected rows.
   *
   * @param assignmentId the assignment the cards would go into
   * @param source the file's name, for messages
   * @param bytes the file's content
   * @param options how to read it (duplicates are not checked)
   * @return the parsed file
   * @throws BadInputException when the file cannot be read as a client base
   */
  public static Parsed parse(long assignmentId, String source, byte[] bytes, ImportOptions options) {
    Rows rows = new Rows(assignmentId, source, bytes, options);
    List<Contact> out = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    for (Contact c = rows.next(); c != null; c = rows.next()) {
      out.add(c);
      lines.add(rows.lastLine);
    }
    return new Parsed(out, lines, rows.rejected, rows.csv, rows.header, rows.mapping);
  }

  /**
   * Reads the start of a file the way {@link #importBytes} would, without storing anything: the detected (or given)
   * encoding, delimiter, header and mapping, and the first data rows. The same detection as the import, so an
   * import with {@link ImportPreview#mapping()} reads the columns as previewed.
   *
   * @param source the file's name, for messages
   * @param bytes the file's content
   * @param options how to read it (the duplicates and strict options play no part)
   * @param maxRows how many data rows to show at most (1 or more)
   * @return the preview
   * @throws BadInputException when the file cannot be read as a client base (no phone column, invalid bytes)
   * @throws IllegalArgumentException when {@code maxRows} is below 1
   */
  public static ImportPreview preview(String source, byte[] bytes, ImportOptions options, int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be 1 or more");
    }
    Rows rows = new Rows(0, source, bytes, options);
    List<ImportPreview.Column> columns = new ArrayList<>();
    Layout layout = rows.layout;
    if (layout != null) {
      for (int i = 0; i < layout.width(); i++) {
        String name = rows.headerCells != null && i < rows.headerCells.length ? rows.headerCells[i].trim()
            : "#" + (i + 1);
        ContactField f = layout.fields()[i];
        String custom = layout.customs()[i];
        String target = f != null ? f.key() : custom != null ? ColumnMapping.CUSTOM + custom : ColumnMapping.SKIP;
        columns.add(new ImportPreview.Column(i + 1, name.isEmpty() ? "#" + (i + 1) : name, target));
      }
    }
    List<ImportPreview.Row> shown = new ArrayList<>();
    if (rows.pendingFirst != null) {
      shown.add(new ImportPreview.Row(rows.pendingLine, List.of(rows.pendingFirst)));
    }
    while (layout != null && shown.size() < maxRows) {
      CsvRecords.Record r = rows.readRow();
      if (r == null) {
        break;
      }
      if (!r.blank()) {
        shown.add(new ImportPreview.Row(r.line(), r.fields()));
      }
    }
    return new ImportPreview(rows.csv.charset(), rows.csv.delimiter(), rows.header, columns, shown,
        rows.rejected);
  }

  /** The rows of one file, parsed one at a time. */
  private static final class Rows {
    final CsvText csv;
    final List<ImportResult.Rejection> rejected = new ArrayList<>();
    final long assignmentId;
    final String source;
    final CsvRecords reader;
    ColumnMapping mapping;
    boolean header;
    @Nullable Layout layout;
    String @Nullable [] pendingFirst;
    /** The header's cells, when the first row is a header. */
    String @Nullable [] headerCells;
    long pendingLine;
    long lastLine;
    boolean done;

    Rows(long assignmentId, String source, byte[] bytes, ImportOptions options) {
      this.assignmentId = assignmentId;
      this.source = source;
      this.csv = CsvText.of(bytes, options.encoding(), options.delimiter(), source);
      this.reader = csv.records();
      this.mapping = options.mapping() == null ? ColumnMapping.auto() : options.mapping();
      CsvRecords.Record first = readRow();
      while (first != null && first.blank()) {
        first = readRow();
      }
      if (first == null) {
        if (rejected.isEmpty()) {
          rejected.add(new ImportResult.Rejection(0, source + ": the file has no rows"));
        }
        done = true;
        return;
      }
      String[] cells = first.fields().toArray(new String[0]);
      if (options.mapping() == null) {
        mapping = detect(cells);
      }
      header = mapping.header();
      layout = Layout.of(mapping, header ? cells : null, cells.length);
      if (!layout.hasPhone() && !layout.hasExternalId()) {
        throw new BadInputException(source + ":" + (header ? first.line() : 1),
            "no phone column: name one with a header such as 'phone' or 'Номер телефона', or give a mapping");
      }
      if (!header) {
        pendingFirst = cells;
        pendingLine = first.line();
      } else {
        headerCells = cells;
      }
    }

    /** The next record that could be read, or null at the end; unreadable records are collected as rejected. */
    CsvRecords.@Nullable Record readRow() {
      try {
        CsvRecords.Record r;
        while ((r = reader.next()) != null && r.error() != null) {
          rejected.add(new ImportResult.Rejection(r.line(), r.error()));
        }
        return r;
      } catch (java.nio.charset.CharacterCodingException e) {
        // CsvText checked every byte already; kept so a decoder disagreement still names the line
        throw new BadInputException(source + ":" + reader.line(), "bytes that are not valid "
            + csv.charset().name(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source, e);
      }
    }

    /** The next valid card, or null at the end; rejected rows are collected on the way. */
    @Nullable Contact next() {
      Layout layout = this.layout;
      if (layout == null) {
        return null; // no rows at all: the constructor found none
      }
      while (!done) {
        String[] row;
        long line;
        if (pendingFirst != null) {
          row = pendingFirst;
          line = pendingLine;
          pendingFirst = null;
        } else {
          CsvRecords.Record r = readRow();
          if (r == null) {
            done = true;
            return null;
          }
          if (r.blank()) {
            continue;
          }
          row = r.fields().toArray(new String[0]);
          line = r.line();
        }
        if (blank(row)) {
          continue;
        }
        Contact c = toContact(assignmentId, row, line, layout, rejected);
        if (c != null) {
          String problem = ContactLimits.problem(c);
          if (problem != null) {
            rejected.add(new ImportResult.Rejection(line, problem));
            continue;
          }
          lastLine = line;
          return c;
        }
      }
      return null;
    }
  }

  private static boolean blank(String[] row) {
    for (String c : row) {
      if (!c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The mapping for a file given no mapping, from its first row. */
  static ColumnMapping detect(String[] first) {
    int known = 0;
    int nonEmpty = 0;
    boolean phoneLike = false;
    for (String c : first) {
      if (!c.isBlank()) {
        nonEmpty++;
      }
      if (ContactField.byHeader(c) != null) {
        known++;
      }
      if (PHONE_LIKE.matcher(c.trim()).matches()) {
        phoneLike = true;
      }
    }
    // a data row may hold a word that happens to be a header ("COMMENTS"); a header holds no phone numbers
    if (!phoneLike || known * 2 >= nonEmpty) {
      return ColumnMapping.auto();
    }
    if (first.length >= 20 && PHONE_LIKE.matcher(first[4].trim()).matches()) {
      return ColumnMapping.VICIDIAL_STANDARD;
    }
    if (first.length == 2 && STATUS_LIKE.matcher(first[1].trim()).matches()) {
      return ColumnMapping.VICIDIAL_UPDATE;
    }
    List<String> targets = new ArrayList<>();
    boolean phoneSet = false;
    for (int i = 0; i < first.length; i++) {
      if (!phoneSet && PHONE_LIKE.matcher(first[i].trim()).matches()) {
        targets.add(ContactField.PHONE.key());
        phoneSet = true;
      } else {
        targets.add(ColumnMapping.CUSTOM + "column_" + (i + 1));
      }
    }
    return ColumnMapping.positional(targets);
  }

  /** Column index to target, resolved once per file. */
  private record Layout(ContactField[] fields, String[] customs, int width) {
    static Layout of(ColumnMapping mapping, String @Nullable [] header, int firstWidth) {
      int width = header != null ? header.length : Math.max(firstWidth, maxIndex(mapping));
      ContactField[] fields = new ContactField[width];
      String[] customs = new String[width];
      Set<ContactField> taken = new HashSet<>();
      Map<String, String> byName = new HashMap<>();
      mapping.columns().forEach((k, v) -> byName.put(k.trim().toLowerCase(Locale.ROOT), v));
      for (int i = 0; i < width; i++) {
        String name = header == null ? null : header[i].trim();
        String target = byName.get("#" + (i + 1));
        if (target == null && name != null) {
          target = byName.get(name.toLowerCase(Locale.ROOT));
        }
        if (target == null) {
          if (name == null || name.isEmpty() || name.equals(ContactExporter.STATUS)
              || name.equals(ContactExporter.ATTEMPTS)) {
            continue; // an unnamed column (Bitrix's trailing ';') or our own export's calling state
          }
          if (name.startsWith(ColumnMapping.CUSTOM)) {
            customs[i] = name.substring(ColumnMapping.CUSTOM.length());
            continue;
          }
          ContactField f = ContactField.byHeader(name);
          target = f != null ? f.key() : ColumnMapping.CUSTOM + name;
        }
        if (target.equals(ColumnMapping.SKIP)) {
          continue;
        }
        if (target.startsWith(ColumnMapping.CUSTOM)) {
          customs[i] = target.substring(ColumnMapping.CUSTOM.length());
          continue;
        }
        ContactField f = Objects.requireNonNull(ContactField.byHeader(target));
        if (taken.add(f)) {
          fields[i] = f;
        } else {
          customs[i] = name != null && !name.isEmpty() ? name : f.key() + "_" + (i + 1);
        }
      }
      return new Layout(fields, customs, width);
    }

    private static int maxIndex(ColumnMapping m) {
      int max = 0;
      for (String k : m.columns().keySet()) {
        if (k.startsWith("#")) {
          try {
            max = Math.max(max, Integer.parseInt(k.substring(1)));
          } catch (NumberFormatException e) {
            throw new BadInputException("mapping:" + k, "a column position is #<number>");
          }
        }
      }
      return max;
    }

    boolean hasPhone() {
      for (ContactField f : fields) {
        if (f == ContactField.PHONE) {
          return true;
        }
      }
      return false;
    }

    boolean hasExternalId() {
      for (ContactField f : fields) {
        if (f == ContactField.EXTERNAL_ID) {
          return true;
        }
      }
      return false;
    }
  }

  private static @Nullable Contact toContact(long assignmentId, String[] row, long line, Layout layout,
      List<ImportResult.Rejection> rejected) {
    if (row.length > layout.width()) {
      for (int i = layout.width(); i < row.length; i++) {
        if (!row[i].isBlank()) {
          rejected.add(new ImportResult.Rejection(line, "the row has " + row.length + " fields, the "
              + (layout.width() == 0 ? "mapping" : "header") + " has " + layout.width()));
          return null;
        }
      }
    }
    EnumMap<ContactField, String> fields = new EnumMap<>(ContactField.class);
    Map<String, String> custom = new LinkedHashMap<>();
    String phone = "";
    for (int i = 0, n = Math.min(row.length, layout.width()); i < n; i++) {
      String v = row[i].trim();
      if (v.isEmpty()) {
        continue;
      }
      ContactField f = layout.fields()[i];
      if (f == ContactField.PHONE) {
        phone = v;
      } else if (f != null) {
        fields.put(f, v);
      } else if (layout.customs()[i] != null) {
        custom.put(layout.customs()[i], v);
      }
    }
    if (phone.isEmpty()) {
      if (!layout.hasPhone() && fields.containsKey(ContactField.EXTERNAL_ID)) {
        return Contact.of(assignmentId, "", fields, custom);
      }
      rejected.add(new ImportResult.Rejection(line, "phone: missing"));
      return null;
    }
    String[] phones = phone.indexOf(';') < 0 && phone.indexOf(',') < 0 ? new String[] {phone}
        : PHONE_SPLIT.split(phone);
    String main = phones[0].trim();
    if (phones.length > 1) {
      List<String> extra = new ArrayList<>();
      for (int k = 1; k < phones.length; k++) {
        if (!phones[k].isBlank()) {
          extra.add(phones[k].trim());
        }
      }
      if (!extra.isEmpty()) {
        custom.put("extra_phones", String.join("; ", extra));
      }
    }
    PhoneNumber number = PhoneNumber.parse(main);
    String normalized = number.digits();
    if (!number.extension().isEmpty()) {
      custom.putIfAbsent("extension", number.extension());
    }
    if (normalized.length() < 2 || normalized.length() > 20) {
      rejected.add(new ImportResult.Rejection(line, "phone: '" + main + "' is not a phone number"));
      return null;
    }
    if (!fields.containsKey(ContactField.FULL_NAME)) {
      StringBuilder sb = new StringBuilder();
      for (ContactField f : new ContactField[] {ContactField.LAST_NAME, ContactField.FIRST_NAME,
          ContactField.PATRONYMIC}) {
        String v = fields.get(f);
        if (v != null) {
          sb.append(sb.length() == 0 ? "" : " ").append(v);
        }
      }
      if (sb.length() > 0) {
        fields.put(ContactField.FULL_NAME, sb.toString());
      }
    }
    return new Contact(0, assignmentId, main, normalized, fields, custom, ru.sipring.campaign.ContactStatus.NEW, 0,
        null, null);
  }
}
