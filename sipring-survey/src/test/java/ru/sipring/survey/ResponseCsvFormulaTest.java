package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.sipring.core.text.SpreadsheetCell;

/** The survey CSV export fed answers and call fields that are formula payloads. */
class ResponseCsvFormulaTest {
  @Test
  void everyAnswerAndCallFieldIsWrittenAsTextNeverAsAFormula() throws Exception {
    SurveyResponse r = new SurveyResponse("=ID()", "@SCN()", 1, "t",
        new CallContext("=HYPERLINK(\"http://evil.example/\",\"x\")", "+Q()", "-OP()", "\uFF1DCLIENT()"), false,
        Instant.parse("2026-03-02T09:10:00Z"), Instant.parse("2026-03-02T09:11:00Z"), true, List.of(
            new Answer("=why", QuestionType.TEXT, "Why?", List.of(), List.of(), "@SUM(1+1)*cmd|' /C calc'!A0"),
            new Answer("brand", QuestionType.SINGLE, "Brand?", List.of("b"), List.of("-2+3+cmd|' /C calc'!A0"), null),
            new Answer("note", QuestionType.TEXT, "Note?", List.of(), List.of(), "\t=1+1")));
    StringWriter out = new StringWriter();

    ResponseCsv.write(out, null, List.of(r), ZoneId.of("Europe/Moscow"));

    List<String> cells = new ArrayList<>();
    try (CSVReader reader = new CSVReader(new StringReader(out.toString()))) {
      reader.readAll().forEach(row -> cells.addAll(List.of(row)));
    }
    for (String c : cells) {
      assertThat(SpreadsheetCell.startsFormula(c)).as("cell %s", c).isFalse();
    }
    assertThat(cells).contains("'=ID()", "'@SCN()", "'=HYPERLINK(\"http://evil.example/\",\"x\")", "'+Q()", "'-OP()",
        "'\uFF1DCLIENT()", "'=why", "'@SUM(1+1)*cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", "'\t=1+1",
        "1", "2026-03-02T12:10:00+03:00", "true", "false");
  }
}
