package ru.sipring.cli.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cli.SipRingCli;
import ru.sipring.fax.TestSmtpServer;

/** {@code sipring fax ...} against the real hfaxd from .ci/services.d/30-hylafax.sh; checks the contracts. */
class FaxCliLiveTest {
  @TempDir Path tmp;
  String server;
  String user;
  String password;
  Path spool;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void server() {
    server = System.getenv("SIPRING_TEST_HFAXD");
    if (server == null || server.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but SIPRING_TEST_HFAXD is not set: .ci/services.d/30-hylafax.sh must start hfaxd");
      }
      assumeTrue(false, "no hfaxd: run `source .ci/services.d/30-hylafax.sh` to test against a real HylaFAX");
    }
    user = System.getenv("SIPRING_TEST_HFAXD_USER");
    password = System.getenv("SIPRING_TEST_HFAXD_PASSWORD");
    spool = Path.of(System.getenv("SIPRING_TEST_HFAXD_SPOOL"));
  }

  Run run(String... args) {
    CommandLine cli = SipRingCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Run fax(String sub, String... args) {
    List<String> all = new ArrayList<>(List.of("fax", sub, "--fax-server", server, "--fax-user", user, "--fax-password", password));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  static String number() {
    return "555" + ThreadLocalRandom.current().nextInt(1000000, 9999999);
  }

  @Test
  void sendListStatusKillFollowTheContracts() throws Exception {
    Path txt = tmp.resolve("note.txt");
    Files.writeString(txt, "Факс из командной строки\n", StandardCharsets.UTF_8);
    String n1 = number();
    String n2 = number();
    Run sent = fax("send", "--to", n1, "--to", n2, "--file", txt.toString(), "--cover-subject", "Тест", "--format", "json");
    assertThat(sent.exit()).as(sent.err()).isZero();
    JsonNode jobs = new ObjectMapper().readTree(sent.out()).get("jobs");
    assertThat(jobs).hasSize(2);
    assertThat(jobs.get(0).get("number").asText()).isEqualTo(n1);
    assertThat(jobs.get(1).get("number").asText()).isEqualTo(n2);
    assertThat(jobs.get(0).get("state").asText()).isEqualTo("queued");
    String id = jobs.get(0).get("id").asText();
    String id2 = jobs.get(1).get("id").asText();

    Run list = fax("list", "--queue", "send", "--format", "json");
    assertThat(list.exit()).as(list.err()).isZero();
    JsonNode arr = new ObjectMapper().readTree(list.out());
    assertThat(arr.isArray()).isTrue();
    JsonNode mine = null;
    for (JsonNode j : arr) {
      if (j.get("id").asText().equals(id)) {
        mine = j;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("number").asText()).isEqualTo(n1);
    assertThat(mine.get("state").asText()).isEqualTo("queued");
    assertThat(mine.has("pages")).isTrue();

    Run status = fax("status", id, "--format", "json");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(new ObjectMapper().readTree(status.out()).get("state").asText()).isEqualTo("queued");

    assertThat(fax("kill", id).exit()).isZero();
    assertThat(fax("kill", id2).exit()).isZero();
    Run done = fax("list", "--queue", "done", "--format", "json");
    JsonNode killed = null;
    for (JsonNode j : new ObjectMapper().readTree(done.out())) {
      if (j.get("id").asText().equals(id)) {
        killed = j;
      }
    }
    assertThat(killed).isNotNull();
    assertThat(killed.get("state").asText()).isEqualTo("failed");
    assertThat(killed.get("reason").asText()).isEqualTo("Job aborted by request");
    assertThat(fax("delete", id).exit()).isZero();
    assertThat(fax("delete", id2).exit()).isZero();

    Run again = fax("kill", id);
    assertThat(again.exit()).isEqualTo(5);
    assertThat(again.err()).contains("does not exist");

    Run server = fax("status", "--format", "json");
    assertThat(server.exit()).isZero();
    assertThat(new ObjectMapper().readTree(server.out()).get("running").asBoolean()).isTrue();
  }

  @Test
  void sendsToContactsAndDistributionListsFromTheDatabase() throws Exception {
    try (ru.sipring.cdr.TestDatabase db = ru.sipring.cdr.TestDatabase.create("faxsendlists")) {
      String[] dbArgs = {"--db", db.jdbcUrl(), "--db-user", ru.sipring.cdr.TestDatabase.user(),
          "--db-password", ru.sipring.cdr.TestDatabase.password()};
      String typed = number();
      String contact = number();
      String l1 = number();
      String l2 = number();
      assertThat(run(concat(List.of("fax", "contacts", "add", "Склад", "--number", contact), dbArgs)).exit()).isZero();
      assertThat(run(concat(List.of("fax", "lists", "add", "Филиалы", l1, contact, l2), dbArgs)).exit()).isZero();
      Path txt = tmp.resolve("list.txt");
      Files.writeString(txt, "Рассылка\n", StandardCharsets.UTF_8);

      Run sent = run(concat(List.of("fax", "send", "--fax-server", server, "--fax-user", user, "--fax-password",
          password, "--to", typed, "--contact", "Склад", "--list", "Филиалы", "--file", txt.toString(), "--format",
          "json"), dbArgs));
      assertThat(sent.exit()).as(sent.err()).isZero();
      List<String> ids = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      for (JsonNode j : new ObjectMapper().readTree(sent.out()).get("jobs")) {
        ids.add(j.get("id").asText());
        numbers.add(j.get("number").asText());
      }
      // typed, then the contact, then the list without the contact's number a second time
      assertThat(numbers).containsExactly(typed, contact, l1, l2);
      for (String id : ids) {
        assertThat(fax("kill", id).exit()).isZero();
        assertThat(fax("delete", id).exit()).isZero();
      }

      Run noDb = fax("send", "--list", "Филиалы", "--file", txt.toString());
      assertThat(noDb.exit()).isEqualTo(2);
      assertThat(noDb.err()).contains("--list").contains("needs --db");
      Run unknown = run(concat(List.of("fax", "send", "--fax-server", server, "--fax-user", user, "--fax-password",
          password, "--list", "Нет такого", "--file", txt.toString()), dbArgs));
      assertThat(unknown.exit()).isEqualTo(5);
      assertThat(unknown.err()).contains("no distribution list 'Нет такого'");
      Run nothing = fax("send", "--file", txt.toString());
      assertThat(nothing.exit()).isEqualTo(2);
      assertThat(nothing.err()).contains("--to").contains("no fax number given");
    }
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @Test
  void listAndGetReceivedFax() throws Exception {
    String name = String.format("fax%09d.tif", ThreadLocalRandom.current().nextInt(100000000, 999999999));
    Path pdf = tmp.resolve("in.ps");
    Files.writeString(pdf, "%!PS\n/Helvetica findfont 30 scalefont setfont 72 700 moveto (Received) show showpage\n");
    Path target = spool.resolve("recvq").resolve(name);
    exec("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg3", "-r204x196", "-o", target.toString(), pdf.toString());
    exec("tiffset", "-s", "270", "+1 555 0777\n0301234\nACME", target.toString());
    exec("chmod", "0644", target.toString());
    exec("chown", "uucp:uucp", target.toString());
    try {
      Run list = fax("list", "--queue", "received", "--format", "json");
      assertThat(list.exit()).as(list.err()).isZero();
      JsonNode mine = null;
      for (JsonNode j : new ObjectMapper().readTree(list.out())) {
        if (j.get("id").asText().equals(name)) {
          mine = j;
        }
      }
      assertThat(mine).isNotNull();
      assertThat(mine.get("sender").asText()).isEqualTo("+1 555 0777");
      assertThat(mine.get("pages").asInt()).isEqualTo(1);
      assertThat(mine.get("state").asText()).isEqualTo("received");

      Path out = tmp.resolve("got.pdf");
      Run get = fax("get", name, "--as", "pdf", "-o", out.toString());
      assertThat(get.exit()).as(get.err()).isZero();
      assertThat(Files.readString(out, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
      Path png = tmp.resolve("p1.png");
      assertThat(fax("get", name, "--as", "png", "-o", png.toString()).exit()).isZero();
      assertThat(Files.size(png)).isPositive();
    } finally {
      Files.deleteIfExists(target);
    }
  }

  @Test
  void badInputGivesClearErrorsAndExitCodes() throws Exception {
    Path empty = tmp.resolve("empty.pdf");
    Files.write(empty, new byte[0]);
    Run r = fax("send", "--to", number(), "--file", empty.toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("empty.pdf").contains("empty");
    assertThat(r.out()).isEmpty();

    Path png = tmp.resolve("photo.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    r = fax("send", "--to", number(), "--file", png.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("photo.png").contains("unsupported file type");

    Path txt = tmp.resolve("ok.txt");
    Files.writeString(txt, "hello");
    r = fax("send", "--to", "555-CALL-NOW", "--file", txt.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("to[1]").contains("555-CALL-NOW");

    r = run("fax", "list", "--fax-server", server, "--fax-user", user, "--fax-password", "wrong");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("530 Login incorrect.").doesNotContain("wrong");

    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    r = run("fax", "list", "--fax-server", "127.0.0.1:" + port, "--fax-user", user);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("cannot connect to hfaxd at 127.0.0.1:" + port);

    r = run("fax", "list", "--fax-server", "127.0.0.1:x", "--fax-user", user);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--fax-server");
  }

  @Test
  void dispatchMailsThePdfThroughSmtp() throws Exception {
    Path recvq = tmp.resolve("spool/recvq");
    Files.createDirectories(recvq);
    Path ps = tmp.resolve("in.ps");
    Files.writeString(ps, "%!PS\n/Helvetica findfont 30 scalefont setfont 72 700 moveto (Dispatch) show showpage\n");
    exec("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg3", "-r204x196", "-o", recvq.resolve("fax000000007.tif").toString(), ps.toString());
    try (TestSmtpServer smtp = new TestSmtpServer()) {
      Path config = tmp.resolve("fax.json");
      Files.writeString(config, """
          {"smtp": {"host": "127.0.0.1", "port": %d, "from": "fax@example.invalid"},
           "zone": "Europe/Moscow",
           "lines": [{"device": "ttyIAX0", "name": "Управление 1", "category": "FAX"}],
           "categories": ["FAX", "FAX2"],
           "users": [
             {"login": "anna", "email": "anna@example.invalid", "modems": ["ttyIAX0"], "categories": ["FAX"]},
             {"login": "boris", "email": "boris@example.invalid", "modems": ["ttyIAX1"], "categories": ["FAX"]}]}
          """.formatted(smtp.port()), StandardCharsets.UTF_8);
      Run r = run("fax", "dispatch", "--spool", tmp.resolve("spool").toString(), "--file", "recvq/fax000000007.tif",
          "--device", "ttyIAX0", "--commid", "000000007", "--cid-number", "0301234", "--sender", "+1 555 0200",
          "--pages", "1", "--config", config.toString(), "--format", "json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode o = new ObjectMapper().readTree(r.out());
      assertThat(o.get("line").asText()).isEqualTo("Управление 1");
      assertThat(o.get("category").asText()).isEqualTo("FAX");
      assertThat(o.get("mailedTo")).extracting(JsonNode::asText).containsExactly("anna@example.invalid");
      assertThat(smtp.mails()).hasSize(1);
      assertThat(smtp.mails().get(0).to()).containsExactly("anna@example.invalid");
      assertThat(smtp.mails().get(0).data()).contains("application/pdf").contains("fax000000007.pdf");
    }
  }

  static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(String.join(" ", command) + " failed: " + output);
    }
  }
}
