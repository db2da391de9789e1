package ru.sipring.survey;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.SipRingException;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * CSV export of responses, one row per response (opencsv, RFC 4180 quoting, comma separated, UTF-8 when the
 * writer is). Fixed columns first — {@code response_id, scenario_id, version, call_id, queue, operator,
 * client, started_at, finished_at, completed, test} — then one column per question, headed by its id: the
 * chosen label for single, the chosen labels joined by {@code "; "} for multiple, the text for text; empty
 * when the question was skipped or not reached. Question columns follow the reference scenario's order, then
 * questions met only in the responses. Times are ISO-8601 with offset in the given zone.
 *
 * <p>Answers, call fields (call id, queue, operator, client), ids and question ids come from callers, operators
 * and scenario authors: each goes through {@link SpreadsheetCell#neutralise}, so an answer such as
 * {@code =HYPERLINK(...)} opens in a spreadsheet as text. The version, times and flags are written as they are.
 * Stateless and thread-safe.
 */
public final class ResponseCsv {
  /** The fixed leading columns. */
  public static final List<String> FIXED_COLUMNS = List.of("response_id", "scenario_id", "version", "call_id",
      "queue", "operator", "client", "started_at", "finished_at", "completed", "test");

  private ResponseCsv() {}

  /**
   * Writes the header and one row per response; returns the number of rows written.
   *
   * @param out where to write
   * @param reference the scenario whose question order and texts the columns follow, or null for the responses' own
   * @param responses the responses
   * @param zone the time zone dates are shown in
   * @return the number of rows written, the header not counted
   */
  public static long write(Writer out, @Nullable Scenario reference, List<SurveyResponse> responses, ZoneId zone) {
    Set<String> questionIds = new LinkedHashSet<>();
    if (reference != null) {
      reference.questions().forEach(q -> questionIds.add(q.id()));
    }
    for (SurveyResponse r : responses) {
      r.answers().forEach(a -> questionIds.add(a.questionId()));
    }
    DateTimeFormatter ts = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    try {
      ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
      List<String> header = new ArrayList<>(FIXED_COLUMNS);
      questionIds.forEach(q -> header.add(SpreadsheetCell.neutralise(q)));
      csv.writeNext(header.toArray(String[]::new), false);
      long rows = 0;
      for (SurveyResponse r : responses) {
        Map<String, String> byQuestion = new HashMap<>();
        for (Answer a : r.answers()) {
          byQuestion.put(a.questionId(), a.text() != null ? a.text() : String.join("; ", a.optionLabels()));
        }
        List<String> row = new ArrayList<>(List.of(t(r.id()), t(r.scenarioId()), Integer.toString(r.version()),
            t(r.call().callId()), t(r.call().queue()), t(r.call().operator()), t(r.call().client()),
            ts.format(r.startedAt()),
            ts.format(r.finishedAt()), Boolean.toString(r.completed()), Boolean.toString(r.test())));
        for (String q : questionIds) {
          row.add(t(byQuestion.getOrDefault(q, "")));
        }
        csv.writeNext(row.toArray(String[]::new), false);
        rows++;
      }
      csv.flush();
      if (csv.checkError()) {
        throw new SipRingException("cannot write survey CSV: the writer reported an error");
      }
      return rows;
    } catch (IOException e) {
      throw new SipRingException("cannot write survey CSV: " + e.getMessage(), e);
    }
  }

  private static String t(String outside) {
    return SpreadsheetCell.neutralise(outside);
  }
}
