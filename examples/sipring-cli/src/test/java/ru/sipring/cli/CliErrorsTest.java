package ru.sipring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's error shapes: usage errors in two lines, failures in one, no stack traces. */
class CliErrorsTest {

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SipRingCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aUsageErrorIsOneLineAndAPointerToHelpNotTheWholeUsage() {
    Result r = run("report", "--bogus");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly(
        "sipring report: Unknown option: '--bogus' (did you mean --bom?)",
        "Try 'sipring report --help' for more information.");
    Result nested = run("campaign", "import", "--assignment");
    assertThat(nested.exit()).isEqualTo(2);
    assertThat(nested.err().lines().toList()).hasSize(2).last().asString()
        .isEqualTo("Try 'sipring campaign import --help' for more information.");
  }

  @Test
  void billingRateWithABrokenTariffFileIsOneLine(@TempDir Path dir) throws Exception {
    Path unclosed = Files.writeString(dir.resolve("q.csv"), "prefix,name,price_per_minute\n7,\"Russia,1.5\n");
    Path huge = Files.writeString(dir.resolve("h.csv"), "prefix,name,price_per_minute\n7,R,99999999999999999999999\n");
    for (Path tariffs : List.of(dir.resolve("missing.csv"), dir, unclosed, huge)) {
      Result r = run("billing", "rate", "--tariffs", tariffs.toString(), "--number", "79161234567", "--seconds", "60");
      assertThat(r.err()).as("%s", tariffs).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(r.err().lines().filter(l -> !l.startsWith("warning: ")).count()).as("%s", tariffs).isLessThanOrEqualTo(1);
    }
    assertThat(run("billing", "rate", "--tariffs", dir.toString(), "--number", "7", "--seconds", "1").err())
        .isEqualTo("sipring campaign: " + dir + ": is a directory, not a rate table file\n");
  }

  @Test
  void importingADirectoryOrAnUnknownEncodingIsOneLine(@TempDir Path dir) {
    Result r = run("campaign", "import", "--store", dir.resolve("s.json").toString(), "--assignment", "p/t/a",
        "--file", dir.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).isEqualTo("sipring campaign: " + dir + ": is a directory, not a client base file\n");
    Result enc = run("campaign", "import", "--store", dir.resolve("s.json").toString(), "--assignment", "p/t/a",
        "--file", dir.toString(), "--encoding", "latin1");
    assertThat(enc.err().lines().toList()).singleElement().asString().contains("--encoding");
  }
}
