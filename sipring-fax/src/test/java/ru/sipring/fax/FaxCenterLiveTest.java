package ru.sipring.fax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.core.NotFoundException;
import ru.sipring.core.RejectedException;

/** Inbox, archive, view, delete and outbox through FaxCenter on the real hfaxd, with rights applied. */
class FaxCenterLiveTest {
  LiveHfaxd server;
  FaxCenter center;
  FaxUser owner;
  FaxUser other;
  FaxUser admin;
  @TempDir Path tmp;

  @BeforeEach
  void setUp() {
    server = LiveHfaxd.get();
    FaxSessions sessions = FaxSessions.of(server.address,
        Map.of(server.user, server.credentials(), server.user2, server.credentials2()),
        server.credentials().withAdmin(server.adminPassword));
    center = FaxCenter.builder(sessions).build();
    center.lines().save(new FaxLine("ttyIAX0", "Управление 1", null));
    center.lines().save(new FaxLine("ttyIAX2", "Управление 3", "FAX2"));
    center.lines().addCategory("FAX");
    center.lines().addCategory("FAX2");
    owner = FaxUser.regular(server.user, "", Set.of("ttyIAX0"), Set.of("FAX"));
    other = FaxUser.regular(server.user2, "", Set.of("ttyIAX2"), Set.of("FAX2")).withCanDelete(true);
    admin = FaxUser.administrator("boss", "");
  }

  @Test
  void inboxIsFilteredByLineAndCategoryAndViewsConvert() throws Exception {
    String line1 = server.placeReceived(tmp, "+1 555 0201", "", "");
    String line3 = server.placeReceived(tmp, "+1 555 0203", "", "");
    try {
      center.recordReceived(new ReceiveEvent("recvq/" + line1, "ttyIAX0", "1", "", "", "+1 555 0201", 1, Instant.now()));
      center.recordReceived(new ReceiveEvent("recvq/" + line3, "ttyIAX2", "2", "", "", "+1 555 0203", 1, Instant.now()));

      assertThat(center.received(owner, InboxFax.Folder.INBOX)).extracting(InboxFax::file).contains(line1).doesNotContain(line3);
      assertThat(center.received(other, InboxFax.Folder.INBOX)).extracting(InboxFax::file).contains(line3).doesNotContain(line1);
      assertThat(center.received(admin, InboxFax.Folder.INBOX)).extracting(InboxFax::file).contains(line1, line3);

      // a fax the user may not see does not exist for that user: no view, no archive, no delete
      assertThatThrownBy(() -> center.viewPdf(owner, line3)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> center.move(owner, line3, InboxFax.Folder.ARCHIVE)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> center.delete(owner, line3)).isInstanceOf(NotFoundException.class);

      byte[] pdf = center.viewPdf(owner, line1);
      assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
      byte[] png = center.viewPng(owner, line1, 1, 50);
      assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isGreaterThan(100);

      center.move(owner, line1, InboxFax.Folder.ARCHIVE);
      assertThat(center.received(owner, InboxFax.Folder.INBOX)).extracting(InboxFax::file).doesNotContain(line1);
      assertThat(center.received(owner, InboxFax.Folder.ARCHIVE)).extracting(InboxFax::file).contains(line1);

      // categorising line 1's fax as FAX2 hides it from the owner (who sees only FAX)
      center.categorize(admin, line1, "FAX2");
      assertThat(center.received(owner, InboxFax.Folder.ARCHIVE)).extracting(InboxFax::file).doesNotContain(line1);

      // the owner may see but not delete (no "may delete" right)
      center.categorize(admin, line1, "FAX");
      assertThatThrownBy(() -> center.delete(owner, line1)).isInstanceOf(RejectedException.class)
          .hasMessageContaining("may not delete");
      // "other" may delete what it sees: the file is removed from the real recvq
      center.delete(other, line3);
      assertThat(center.receivedFaxes().find(line3)).isEmpty();
      try (HylaFaxClient c = server.connect()) {
        assertThat(c.listReceived()).extracting(ReceivedFax::file).doesNotContain(line3).contains(line1);
      }
    } finally {
      server.removeReceived(line1);
      server.removeReceived(line3);
    }
  }

  @Test
  void faxesFoundOnlyOnTheServerAreVisibleToAdministratorsOnly() throws Exception {
    String file = server.placeReceived(tmp, "+1 555 0209", "", "");
    try {
      assertThat(center.recordUnknownFromServer()).extracting(InboxFax::file).contains(file);
      assertThat(center.received(admin, InboxFax.Folder.INBOX)).extracting(InboxFax::file).contains(file);
      assertThat(center.received(owner, InboxFax.Folder.INBOX)).extracting(InboxFax::file).doesNotContain(file);
      assertThat(center.received(owner.withAnyModem(true), InboxFax.Folder.INBOX)).extracting(InboxFax::file).contains(file);
    } finally {
      server.removeReceived(file);
    }
  }

  @Test
  void outboxShowsOwnJobsAndOnlyOwnerOrAdminKills() throws Exception {
    FaxUser sender = owner.withAnyModem(true);
    SendResult sent = center.send(sender, SendRequest.builder().to(LiveHfaxd.number())
        .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("outbox"))).build());
    String id = sent.jobs().get(0).id();
    try {
      assertThat(center.outbox(sender, FaxQueue.SEND)).extracting(FaxJob::id).contains(id);
      assertThat(center.outbox(other, FaxQueue.SEND)).extracting(FaxJob::id).doesNotContain(id);
      assertThat(center.outbox(other.withPrivileged(true), FaxQueue.SEND)).extracting(FaxJob::id).contains(id);
      assertThatThrownBy(() -> center.kill(other, id)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> center.kill(other.withPrivileged(true), id)).isInstanceOf(RejectedException.class)
          .hasMessageContaining("may not kill");
      center.kill(sender, id);
      assertThat(center.job(sender, id).state()).isEqualTo(FaxJobState.FAILED);
      center.deleteJob(sender, id);
    } catch (RuntimeException e) {
      try (HylaFaxClient c = HylaFaxClient.connect(server.address, server.credentials().withAdmin(server.adminPassword))) {
        c.kill(id);
      } catch (RuntimeException ignored) {
        // already killed
      }
      throw e;
    }
  }

  @Test
  void onlyTheOwnerOrAnAdministratorHoldsAndResubmitsAJob() throws Exception {
    FaxUser sender = owner.withAnyModem(true);
    SendResult sent = center.send(sender, SendRequest.builder().to(LiveHfaxd.number())
        .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("hold"))).build());
    String id = sent.jobs().get(0).id();
    try {
      assertThatThrownBy(() -> center.suspend(other, id)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> center.suspend(other.withPrivileged(true), id)).isInstanceOf(RejectedException.class);
      center.suspend(sender, id);
      assertThat(center.job(sender, id).state()).isEqualTo(FaxJobState.SUSPENDED);
      assertThatThrownBy(() -> center.resubmit(other.withPrivileged(true), id)).isInstanceOf(RejectedException.class);
      center.resubmit(admin, id);
      assertThat(center.job(sender, id).state().phase()).isEqualTo("queued");
    } finally {
      try (HylaFaxClient c = HylaFaxClient.connect(server.address, server.credentials().withAdmin(server.adminPassword))) {
        c.kill(id);
        c.delete(id);
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
  }

  @Test
  void sendingOnAModemOutsideTheUsersLinesIsRefused() throws Exception {
    SendRequest onLine3 = SendRequest.builder().to(LiveHfaxd.number()).modem("ttyIAX2")
        .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("x"))).build();
    assertThatThrownBy(() -> center.send(owner, onLine3)).isInstanceOf(RejectedException.class)
        .hasMessageContaining("may send only on modems");
    SendRequest onAny = SendRequest.builder().to(LiveHfaxd.number())
        .document(FaxDocument.of("d.pdf", FaxDocument.Format.PDF, LiveHfaxd.pdf("x"))).build();
    assertThatThrownBy(() -> center.send(owner, onAny)).isInstanceOf(RejectedException.class);
  }
}
