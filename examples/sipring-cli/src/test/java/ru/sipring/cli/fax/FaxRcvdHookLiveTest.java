package ru.sipring.cli.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.fax.TestSmtpServer;

/**
 * The whole receive chain on the real HylaFAX install: Debian's {@code bin/faxrcvd} sources
 * {@code etc/FaxDispatch}, which runs {@code sipring fax dispatch} (this JVM's classpath), which mails the PDF
 * through SMTP. faxrcvd itself mails nobody (SENDTO empty, NOTIFY_FAXMASTER=never).
 */
class FaxRcvdHookLiveTest {
  @TempDir Path tmp;

  @Test
  void faxrcvdCallsDispatchWhichMailsThePdf() throws Exception {
    String spoolEnv = System.getenv("SIPRING_TEST_HFAXD_SPOOL");
    if (spoolEnv == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but SIPRING_TEST_HFAXD_SPOOL is not set: .ci/services.d/30-hylafax.sh must run");
      }
      assumeTrue(false, "no HylaFAX spool: run `source .ci/services.d/30-hylafax.sh`");
    }
    Path spool = Path.of(spoolEnv);
    Path dispatch = spool.resolve("etc/FaxDispatch");
    String name = String.format("fax%09d.tif", ThreadLocalRandom.current().nextInt(100000000, 999999999));
    Path fax = spool.resolve("recvq").resolve(name);
    Path ps = tmp.resolve("in.ps");
    Files.writeString(ps, "%!PS\n/Helvetica findfont 30 scalefont setfont 72 700 moveto (Hook) show showpage\n");
    FaxCliLiveTest.exec("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg3", "-r204x196", "-o", fax.toString(), ps.toString());
    FaxCliLiveTest.exec("tiffset", "-s", "270", "+1 555 0200\n0301234\nACME GmbH", fax.toString());
    byte[] original = Files.exists(dispatch) ? Files.readAllBytes(dispatch) : null;
    try (TestSmtpServer smtp = new TestSmtpServer()) {
      Path config = tmp.resolve("fax.json");
      Files.writeString(config, """
          {"smtp": {"host": "127.0.0.1", "port": %d, "from": "fax@example.invalid"},
           "lines": [{"device": "ttyIAX0", "name": "Управление 1"}],
           "users": [{"login": "ops", "email": "ops@example.invalid", "modems": ["ttyIAX0"]}]}
          """.formatted(smtp.port()), StandardCharsets.UTF_8);
      Path log = tmp.resolve("dispatch.log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Files.writeString(dispatch, "NOTIFY_FAXMASTER=never\nSENDTO=\n"
          + "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' ru.sipring.cli.SipRingCli fax dispatch"
          + " --file \"$FILE\" --device \"$DEVICE\" --commid \"$COMMID\" --cid-number \"$CIDNUMBER\""
          + " --cid-name \"$CIDNAME\" --sender \"$SENDER\" --pages \"$PAGES\" --config '" + config + "'"
          + " >'" + log + "' 2>&1\n");
      Process p = new ProcessBuilder(List.of("bin/faxrcvd", "recvq/" + name, "ttyIAX0", "000000042", "", "0301234", "ACME GmbH"))
          .directory(spool.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(Files.readString(log)).contains(name + " on Управление 1: mailed to ops@example.invalid");
      assertThat(smtp.mails()).hasSize(1);
      TestSmtpServer.Mail mail = smtp.mails().get(0);
      assertThat(mail.to()).containsExactly("ops@example.invalid");
      assertThat(mail.data()).contains("application/pdf").contains(name.replace(".tif", ".pdf"));
    } finally {
      if (original != null) {
        Files.write(dispatch, original);
      } else {
        Files.deleteIfExists(dispatch);
      }
      Files.deleteIfExists(fax);
    }
  }
}
