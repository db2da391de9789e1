package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.BadInputException;
import ru.sipring.core.ConnectionException;
import ru.sipring.core.NotFoundException;

/** Every client operation against the real hfaxd started by .ci/services.d/30-hylafax.sh. */
class HylaFaxClientLiveTest {
  LiveHfaxd server;
  @TempDir Path tmp;

  @BeforeEach
  void server() {
    server = LiveHfaxd.get();
  }

  @Test
  void sendsPdfWithCoverToTwoNumbersAsOneGroupThenKillsAndDeletes() throws Exception {
    String n1 = LiveHfaxd.number();
    String n2 = LiveHfaxd.number();
    try (HylaFaxClient c = server.connect()) {
      SendResult sent = c.send(SendRequest.builder()
          .to(n1).to(n2)
          .document(FaxDocument.of("doc.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("Счёт № 7")))
          .cover(CoverPage.builder().recipient("Иван Петров").company("ООО Ромашка").subject("Счёт 7")
              .comments("Оплатить до пятницы").fromName("SipRing").fromEmail("ops@example.invalid").build())
          .resolution(SendRequest.Resolution.NORMAL)
          .maxTries(2)
          .killTime(Duration.ofHours(1))
          .notify(SendRequest.Notify.DONE, "ops@example.invalid")
          .build());

      assertThat(sent.jobs()).extracting(SendResult.Job::number).containsExactly(n1, n2);
      assertThat(sent.jobs()).extracting(j -> j.state().phase()).containsOnly("queued");
      assertThat(sent.jobs().get(1).groupId()).isEqualTo(sent.jobs().get(0).groupId());
      for (SendResult.Job j : sent.jobs()) {
        FaxJob job = c.job(j.id());
        assertThat(job.tag()).isEqualTo(sent.tag());
        assertThat(job.owner()).contains(server.user);
        assertThat(job.number()).isEqualTo(j.number());
        assertThat(job.maxTries()).isEqualTo(2);
        assertThat(job.receiver()).isEqualTo("Иван Петров");
        assertThat(job.company()).isEqualTo("ООО Ромашка");
        assertThat(c.jobParameter(j.id(), "VRES")).isEqualTo("98");
        assertThat(c.jobParameter(j.id(), "NOTIFYADDR")).isEqualTo("ops@example.invalid");
        // hfaxd answers the time left until the kill time, so a minute boundary may pass in between
        assertThat(c.jobParameter(j.id(), "LASTTIME")).isIn("000100", "000059");
        // cover page first, then the document
        assertThat(c.command("JPARM DOCUMENT").lines()).hasSize(3);
      }
      List<FaxJob> sendq = c.listJobs(FaxQueue.SEND);
      assertThat(sendq).extracting(FaxJob::id).contains(sent.jobs().get(0).id(), sent.jobs().get(1).id());

      for (SendResult.Job j : sent.jobs()) {
        c.kill(j.id());
      }
      FaxJob killed = c.job(sent.jobs().get(0).id());
      assertThat(killed.state()).isEqualTo(FaxJobState.FAILED);
      assertThat(killed.failureReason()).isEqualTo("Job aborted by request");
      assertThat(c.listJobs(FaxQueue.DONE)).extracting(FaxJob::id).contains(killed.id());

      // JDELE right after JKILL hits "Job file lock failed" in hfaxd; delete() waits it out
      for (SendResult.Job j : sent.jobs()) {
        c.delete(j.id());
      }
      assertThatThrownBy(() -> c.job(killed.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> c.kill(killed.id()))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("does not exist")
          .cause().isInstanceOfSatisfying(FaxServerException.class, e -> assertThat(e.code()).isEqualTo(500));
    }
  }

  @Test
  void sendsTextPostScriptAndTiff() throws Exception {
    Path txt = tmp.resolve("note.txt");
    Files.writeString(txt, "Привет, это факс.\nВторая строка\twith a tab.\n", StandardCharsets.UTF_8);
    Path ps = tmp.resolve("page.ps");
    Files.writeString(ps, "%!PS\n/Courier findfont 20 scalefont setfont 72 700 moveto (PostScript page) show showpage\n");
    Path tif = tmp.resolve("page.tif");
    Files.write(tif, LiveHfaxd.g3Tiff(tmp, "TIFF page"));
    try (HylaFaxClient c = server.connect()) {
      for (Path f : List.of(txt, ps, tif)) {
        FaxDocument d = FaxDocument.load(f);
        SendResult sent = c.send(SendRequest.builder().to(LiveHfaxd.number()).document(d).build());
        String id = sent.jobs().get(0).id();
        assertThat(c.command("JOB " + id).code()).isEqualTo(200);
        assertThat(c.command("JPARM DOCUMENT").lines().get(0)).as(f.toString())
            .startsWith(d.format().form() + " docq/");
        c.kill(id);
        c.delete(id);
      }
    }
  }

  @Test
  void suspendsChangesAndResubmits() throws Exception {
    try (HylaFaxClient c = server.connect()) {
      Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
      SendResult sent = c.send(SendRequest.builder().to(LiveHfaxd.number())
          .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("later")))
          .killTime(Duration.ofDays(3)).build());
      String id = sent.jobs().get(0).id();
      c.suspend(id);
      assertThat(c.job(id).state()).isEqualTo(FaxJobState.SUSPENDED);
      c.setJobParameter(id, "SENDTIME", HylaFaxClientSendTime.format(later));
      c.resubmit(id);
      FaxJob job;
      try (HylaFaxClient fresh = server.connect()) {
        job = fresh.job(id);
      }
      assertThat(job.state()).isIn(FaxJobState.PENDING, FaxJobState.WAITING, FaxJobState.SLEEPING);
      assertThat(job.sendAt()).isEqualTo(later);
      c.kill(id);
      c.delete(id);
    }
  }

  @Test
  void listsDownloadsReceivedFaxWithCallerId() throws Exception {
    String file = server.placeReceived(tmp, "+1 555 0200", "0301234", "ACME GmbH");
    try (HylaFaxClient c = server.connect()) {
      ReceivedFax fax = c.listReceived().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
      assertThat(fax.sender()).isEqualTo("+1 555 0200");
      assertThat(fax.cidNumber()).isEqualTo("0301234");
      assertThat(fax.cidName()).isEqualTo("ACME GmbH");
      assertThat(fax.pages()).isEqualTo(1);
      assertThat(fax.verticalResolution()).isPositive();
      assertThat(fax.receivedAt()).isNotNull();
      byte[] tif = c.retrieveReceived(file);
      assertThat(tif).hasSize((int) fax.sizeBytes());
      assertThat(new String(tif, 0, 2, StandardCharsets.ISO_8859_1)).isIn("II", "MM");
      assertThat(c.listFormatted(FaxQueue.RECEIVED, "%f %p")).contains(file + " 1");
      // typed listing works again after a custom format
      assertThat(c.listReceived()).extracting(ReceivedFax::file).contains(file);
      assertThatThrownBy(() -> c.retrieveReceived("fax999999999.tif")).isInstanceOf(NotFoundException.class);
    } finally {
      server.removeReceived(file);
    }
  }

  @Test
  void customJobFormatAndServerStatus() throws Exception {
    try (HylaFaxClient c = server.connect()) {
      SendResult sent = c.send(SendRequest.builder().to(LiveHfaxd.number())
          .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("fmt"))).build());
      String id = sent.jobs().get(0).id();
      assertThat(c.listFormatted(FaxQueue.SEND, "%j:%J")).contains(id + ":" + sent.tag());
      assertThat(c.listJobs(FaxQueue.SEND)).extracting(FaxJob::id).contains(id);
      ServerStatus status = c.serverStatus();
      assertThat(status.scheduler()).startsWith("HylaFAX scheduler on ");
      assertThat(status.schedulerRunning()).isTrue();
      assertThat(c.stat()).anyMatch(l -> l.contains("HylaFAX (tm) Version"));
      c.kill(id);
      c.delete(id);
    }
  }

  @Test
  void anotherUsersJobCannotBeKilledButAdminCan() throws Exception {
    String id;
    try (HylaFaxClient owner = server.connect()) {
      id = owner.send(SendRequest.builder().to(LiveHfaxd.number())
          .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("mine"))).build()).jobs().get(0).id();
    }
    try (HylaFaxClient other = HylaFaxClient.connect(server.address, server.credentials2())) {
      assertThatThrownBy(() -> other.kill(id))
          .isInstanceOfSatisfying(FaxServerException.class, e -> {
            assertThat(e.code()).isEqualTo(504);
            assertThat(e.serverText()).contains("Operation not permitted");
          });
    }
    try (HylaFaxClient admin = HylaFaxClient.connect(server.address, server.credentials2())) {
      assertThatThrownBy(() -> admin.admin("wrong"))
          .isInstanceOfSatisfying(FaxServerException.class, e -> assertThat(e.code()).isEqualTo(530));
    }
    try (HylaFaxClient admin = HylaFaxClient.connect(server.address, server.credentials().withAdmin(server.adminPassword))) {
      admin.kill(id);
      admin.delete(id);
    }
  }

  @Test
  void wrongPasswordIs530() {
    assertThatThrownBy(() -> HylaFaxClient.connect(server.address, FaxCredentials.of(server.user, "wrong")))
        .isInstanceOfSatisfying(FaxServerException.class, e -> {
          assertThat(e.code()).isEqualTo(530);
          assertThat(e.serverText()).isEqualTo("Login incorrect.");
          assertThat(e.getMessage()).doesNotContain("wrong");
        });
    assertThatThrownBy(() -> HylaFaxClient.connect(server.address, FaxCredentials.of(server.user, null)))
        .isInstanceOfSatisfying(FaxServerException.class, e -> assertThat(e.code()).isEqualTo(331));
  }

  @Test
  void unreachableServerIsConnectionException() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    FaxServerAddress nowhere = new FaxServerAddress("127.0.0.1", port);
    assertThatThrownBy(() -> HylaFaxClient.connect(nowhere, server.credentials()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("cannot connect to hfaxd at 127.0.0.1:" + port);
  }

  @Test
  void numberWithLettersIsRefusedBeforeAnyJobIsCreated() throws Exception {
    assertThatThrownBy(() -> SendRequest.builder().to(LiveHfaxd.number()).to("555-CALL-NOW")
        .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("x"))).build())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("to[2]")
        .hasMessageContaining("555-CALL-NOW");
  }
}
