package ru.sipring.campaign.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  static List<CsvRecords.Record> all(CsvRecords r) throws IOException {
    List<CsvRecords.Record> out = new ArrayList<>();
    for (CsvRecords.Record x = r.next(); x != null; x = r.next()) {
      out.add(x);
    }
    return out;
  }

  static List<CsvRecords.Record> all(String text) throws IOException {
    return all(new CsvRecords(new StringReader(text), ';'));
  }

  @Test
  void rfc4180QuotingLineEndsAndLines() throws IOException {
    List<CsvRecords.Record> r = all("a;\"b;\"\"c\"\"\";d\r\n\"multi\nline\";x\rlast;\"\"\n\n;\n");
    assertThat(r).extracting(CsvRecords.Record::line).containsExactly(1L, 2L, 4L, 5L, 6L);
    assertThat(r.get(0).fields()).containsExactly("a", "b;\"c\"", "d");
    assertThat(r.get(1).fields()).containsExactly("multi\nline", "x");
    assertThat(r.get(2).fields()).containsExactly("last", "");
    assertThat(r.get(3).blank()).isTrue();
    assertThat(r.get(4).fields()).containsExactly("", "");
    // a quote inside an unquoted field is an ordinary character
    assertThat(all("Ivan\"ov;1\n").get(0).fields()).containsExactly("Ivan\"ov", "1");
  }

  @Test
  void anUnclosedQuoteCostsOneRecordAndNamesItsLine() throws IOException {
    List<CsvRecords.Record> r = all("h;p\nA;1\n\"Broken;2\nC;3\nD;4\n");
    assertThat(r).hasSize(5);
    assertThat(r.get(2).line()).isEqualTo(3);
    assertThat(r.get(2).error()).isEqualTo("a quoted field opened on line 3 is never closed");
    assertThat(r.get(3).fields()).containsExactly("C", "3");
    assertThat(r.get(3).line()).isEqualTo(4);
    assertThat(all("h;p\n\"Ok\";1\n\"Bad\"x;2\nE;5\n").get(2).error()).startsWith("text after the closing quote");
  }

  @Test
  void anUnclosedQuoteInABigFileIsReadInLinearTime() throws IOException {
    // 40k rows after an unclosed quote: the quote's scan ends at the field limit, not at the end of the file,
    // so reading is a constant number of passes (opencsv re-parsed the pending text per line: quadratic)
    StringBuilder sb = new StringBuilder("h;p\n\"broken;1\n");
    for (int i = 0; i < 40_000; i++) {
      sb.append("name").append(i).append(";7916").append(String.format("%07d", i)).append('\n');
    }
    CountingReader counting = new CountingReader(new StringReader(sb.toString()));
    List<CsvRecords.Record> r = all(new CsvRecords(counting, ';'));
    assertThat(r).hasSize(40_002);
    assertThat(r.get(1).error()).isEqualTo("a quoted field opened on line 2 is not closed within "
        + CsvRecords.MAX_FIELD_CHARS + " characters");
    assertThat(r.get(40_001).fields()).containsExactly("name39999", "79160039999");
    assertThat(counting.chars).as("characters pulled from the input").isLessThan(2L * sb.length() + 100_000);
  }

  @Test
  void aHugeFieldIsRejectedWithoutHoldingItAndTheNextRowIsRead() throws IOException {
    // 40 million characters generated on the fly: the reader must reject the row without keeping the field
    long huge = 40_000_000;
    Reader gen = new Reader() {
      final String head = "h;p\nx;";
      final String tail = "\nnext;79160000001\n";
      long pos;

      @Override
      public int read(char[] buf, int off, int len) {
        long total = head.length() + huge + tail.length();
        if (pos >= total) {
          return -1;
        }
        int n = 0;
        while (n < len && pos < total) {
          long p = pos++;
          buf[off + n++] = p < head.length() ? head.charAt((int) p) : p < head.length() + huge ? 'a'
              : tail.charAt((int) (p - head.length() - huge));
        }
        return n;
      }

      @Override
      public void close() {}
    };
    List<CsvRecords.Record> r = all(new CsvRecords(gen, ';'));
    assertThat(r).hasSize(3);
    assertThat(r.get(1).line()).isEqualTo(2);
    assertThat(r.get(1).error()).isEqualTo("field 2 is longer than " + CsvRecords.MAX_FIELD_CHARS + " characters");
    assertThat(r.get(2).fields()).containsExactly("next", "79160000001");
    assertThat(r.get(2).line()).isEqualTo(3);
  }

  @Test
  void aLongRecordOfShortFieldsIsRejected() throws IOException {
    String row = "x;".repeat(CsvRecords.MAX_RECORD_CHARS / 2 + 10);
    List<CsvRecords.Record> r = all("h\n" + row + "\nok\n");
    assertThat(r.get(1).error()).startsWith("the record is longer than");
    assertThat(r.get(2).fields()).containsExactly("ok");
  }

  @Test
  void blanksWithoutEndAfterAClosingQuoteAreRejectedAtTheRecordLimit() throws IOException {
    String row = "\"a\"" + " ".repeat(CsvRecords.MAX_RECORD_CHARS + 10) + "x";
    List<CsvRecords.Record> r = all("h\n" + row + "\nok\n");
    assertThat(r.get(1).error()).startsWith("the record is longer than");
    assertThat(r.get(2).fields()).containsExactly("ok");
  }

  @Test
  void recordsThatCrossTheReadBufferKeepEveryCharacter() throws IOException {
    // fields of every length around the 64 Ki-character buffer, unquoted and quoted, with CRLF, LF and CR ends
    StringBuilder text = new StringBuilder();
    List<List<String>> expected = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    int total = 0;
    for (int i = 0; total < 400_000; i++) {
      String plain = "п".repeat(random.nextInt(3000)) + i;
      String quoted = "q;\"" + "\n".repeat(random.nextInt(3)) + i;
      text.append(plain).append(';').append('"').append(quoted.replace("\"", "\"\"")).append('"')
          .append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
      expected.add(List.of(plain, quoted));
      total += plain.length() + quoted.length() + 6;
    }
    assertThat(all(text.toString())).extracting(CsvRecords.Record::fields).containsExactlyElementsOf(expected);
    // and from a reader that hands out a few characters at a time, as a decoder may
    Reader trickle = new Reader() {
      final StringReader in = new StringReader(text.toString());

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        return in.read(cbuf, off, Math.min(len, 1 + random.nextInt(5000)));
      }

      @Override
      public void close() {}
    };
    assertThat(all(new CsvRecords(trickle, ';'))).extracting(CsvRecords.Record::fields)
        .containsExactlyElementsOf(expected);
  }

  static final class CountingReader extends Reader {
    final Reader in;
    long chars;

    CountingReader(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int n = in.read(cbuf, off, len);
      if (n > 0) {
        chars += n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
