package ru.sipring.cli.fax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ru.sipring.cdr.SipRingSchema;
import ru.sipring.cdr.TestDatabase;
import ru.sipring.cdr.fax.JdbiFaxStores;
import ru.sipring.cli.SipRingCli;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.TestSmtpServer;

/** {@code fax dispatch --db}: users and lines come from MariaDB, the received fax is recorded there. */
class FaxDispatchDbTest {
  @TempDir Path tmp;

  @Test
  void recordsTheFaxWithLineAndCategoryInMariaDbAndMailsAllowedUsers() throws Exception {
    try (TestDatabase db = TestDatabase.create("faxcli")) {
      SipRingSchema.migrate(db.dataSource());
      JdbiFaxStores stores = JdbiFaxStores.of(db.dataSource());
      stores.lines().save(new FaxLine("ttyIAX2", "Управление 3", "FAX2"));
      stores.users().save(FaxUser.regular("olga", "olga@example.invalid", Set.of("ttyIAX2"), Set.of("FAX2")));
      stores.users().save(FaxUser.regular("petr", "petr@example.invalid", Set.of("ttyIAX2"), Set.of("FAX")));
      Path recvq = Files.createDirectories(tmp.resolve("spool/recvq"));
      Path ps = tmp.resolve("in.ps");
      Files.writeString(ps, "%!PS\n/Helvetica findfont 30 scalefont setfont 72 700 moveto (DB) show showpage\n");
      FaxCliLiveTest.exec("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg3", "-r204x196", "-o",
          recvq.resolve("fax000000029.tif").toString(), ps.toString());
      try (TestSmtpServer smtp = new TestSmtpServer()) {
        Path config = tmp.resolve("fax.json");
        Files.writeString(config, "{\"smtp\": {\"host\": \"127.0.0.1\", \"port\": " + smtp.port()
            + ", \"from\": \"fax@example.invalid\"}}", StandardCharsets.UTF_8);
        CommandLine cli = SipRingCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("fax", "dispatch", "--spool", tmp.resolve("spool").toString(), "--file",
            "recvq/fax000000029.tif", "--device", "ttyIAX2", "--sender", "+7 499 555-00-00", "--pages", "1",
            "--config", config.toString(), "--db", db.jdbcUrl(), "--db-user", TestDatabase.user(),
            "--db-password", TestDatabase.password());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Управление 3").contains("olga@example.invalid").doesNotContain("petr");
        assertThat(smtp.mails()).hasSize(1);
      }
      InboxFax fax = stores.received().find("fax000000029.tif").orElseThrow();
      assertThat(fax.device()).isEqualTo("ttyIAX2");
      assertThat(fax.lineName()).isEqualTo("Управление 3");
      assertThat(fax.category()).isEqualTo("FAX2");
      assertThat(fax.sender()).isEqualTo("+7 499 555-00-00");
    }
  }
}
