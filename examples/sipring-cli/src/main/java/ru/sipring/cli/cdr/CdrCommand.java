package ru.sipring.cli.cdr;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import ru.sipring.cdr.DatabasePool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.sipring.cdr.CdrQuery;
import ru.sipring.cdr.CdrRecord;
import ru.sipring.cdr.CdrRepository;
import ru.sipring.cdr.JdbiCdrRepository;
import ru.sipring.core.SipRingException;
import ru.sipring.core.queuelog.InputProblem;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * {@code sipring cdr --db JDBC_URL [--from T --to T --zone Z] [--src N] [--dst N] --format json|csv}: lists CDR
 * rows, streaming (constant memory); junk rows are reported on stderr and the listing goes on.
 */
@Command(name = "cdr", mixinStandardHelpOptions = true,
    description = {"List call detail records from the Asterisk/FreePBX cdr table.",
        "JSON: an array of objects keyed by the cdr column names; CSV: a header of the same names",
        "(text cells that a spreadsheet would take as a formula start with an apostrophe).",
        "Rows that cannot be used (zero dates...) are reported on stderr; exit code stays 0."})
public final class CdrCommand implements Callable<Integer> {
  private static final DateTimeFormatter CALLDATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  enum Format { json, csv }

  @Spec

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  CommandSpec spec;

  @Mixin

  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  DbOptions db;

  @Option(names = "--from", paramLabel = "T", description = "first call start included (in --zone)")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "T", description = "first call start excluded (in --zone)")
  @Nullable String to;

  @Option(names = "--zone", paramLabel = "Z", description = "the PBX's time zone (default: this machine's)")
  ZoneId zone = ZoneId.systemDefault();

  @Option(names = "--src", paramLabel = "N", description = "only calls from this number")
  @Nullable String src;

  @Option(names = "--dst", paramLabel = "N", description = "only calls to this number")
  @Nullable String dst;

  @Option(names = "--did", paramLabel = "N", description = "only calls that came in on this DID")
  @Nullable String did;

  @Option(names = "--disposition", paramLabel = "D", description = "ANSWERED, NO ANSWER, BUSY, FAILED")
  @Nullable String disposition;

  @Option(names = "--uniqueid", paramLabel = "ID", description = "only the CDR rows of this channel uniqueid")
  @Nullable String uniqueid;

  @Option(names = "--linkedid", paramLabel = "ID", description = "only the CDR rows of this call (linkedid)")
  @Nullable String linkedid;

  @Option(names = "--table", paramLabel = "TABLE", defaultValue = "cdr", description = "default: ${DEFAULT-VALUE}")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String table;

  @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json",
      description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (DatabasePool ds = db.open()) {
      CdrQuery.Builder q = CdrQuery.builder();
      if (from != null || to != null) {
        q.localWindow(from == null ? null : java.time.LocalDateTime.ofInstant(TimeArgs.parse("--from", from, zone), zone),
            to == null ? null : java.time.LocalDateTime.ofInstant(TimeArgs.parse("--to", to, zone), zone));
      }
      if (src != null) {
        q.src(src);
      }
      if (dst != null) {
        q.dst(dst);
      }
      if (did != null) {
        q.did(did);
      }
      if (disposition != null) {
        q.disposition(disposition);
      }
      if (uniqueid != null) {
        q.uniqueid(uniqueid);
      }
      if (linkedid != null) {
        q.linkedid(linkedid);
      }
      JdbiCdrRepository repo = JdbiCdrRepository.of(ds, table);
      List<String> columns = CdrRecord.COLUMNS.stream().filter(repo.columns()::contains).toList();
      long[] junk = {0};
      try (RowWriter writer = format == Format.csv ? new Csv(out, columns) : new Json(out, columns)) {
        repo.read(q.build(), new CdrRepository.Sink() {
          @Override
          public void record(CdrRecord record) {
            writer.write(record);
          }

          @Override
          public void problem(InputProblem problem) {
            junk[0]++;
            err.println("sipring cdr: skipped " + problem);
          }
        });
      }
      out.flush();
      if (junk[0] > 0) {
        err.println("sipring cdr: " + junk[0] + " junk row(s) skipped");
      }
      err.flush();
      return 0;
    } catch (SipRingException e) {
      out.flush();
      return Failures.report("cdr", e, err);
    }
  }

  private static Object value(CdrRecord r, String column) {
    Object v = r.column(column);
    return v instanceof java.time.LocalDateTime t ? CALLDATE.format(t) : v;
  }

  private interface RowWriter extends AutoCloseable {
    void write(CdrRecord record);

    @Override
    void close();
  }

  private static final class Json implements RowWriter {
    private final JsonGenerator json;
    private final Writer out;
    private final List<String> columns;
    private boolean first = true;

    Json(Writer out, List<String> columns) {
      this.out = out;
      this.columns = columns;
      try {
        json = new JsonFactory().createGenerator(new NonClosingWriter(out));
        json.setRootValueSeparator(null);
        out.write("[");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void write(CdrRecord r) {
      try {
        json.flush();
        out.write(first ? "\n" : ",\n");
        first = false;
        json.writeStartObject();
        for (String c : columns) {
          Object v = value(r, c);
          if (v instanceof Number n) {
            json.writeNumberField(c, n.longValue());
          } else {
            json.writeStringField(c, v.toString());
          }
        }
        json.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        json.flush();
        out.write(first ? "]\n" : "\n]\n");
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Csv implements RowWriter {
    private final CSVWriter csv;
    private final List<String> columns;
    private final String[] line;

    Csv(Writer out, List<String> columns) {
      this.csv = new CSVWriter(new NonClosingWriter(out), ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
          ICSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n");
      this.columns = columns;
      this.line = new String[columns.size()];
      csv.writeNext(columns.toArray(String[]::new), false);
    }

    @Override
    public void write(CdrRecord r) {
      for (int i = 0; i < line.length; i++) {
        Object v = value(r, columns.get(i));
        // text columns hold what callers and trunks sent (clid, src, cnam, userfield...): never a formula;
        // numbers and the call date are ours and stay numbers
        line[i] = v instanceof Number ? v.toString() : SpreadsheetCell.neutralise(String.valueOf(v));
      }
      csv.writeNext(line, false);
    }

    @Override
    public void close() {
      try {
        csv.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Lets the generators flush without closing the command's stdout. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
