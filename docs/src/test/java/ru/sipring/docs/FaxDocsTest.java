package ru.sipring.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.fax.CoverPage;
import ru.sipring.fax.FaxCenter;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxDocument;
import ru.sipring.fax.FaxJob;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxQueue;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.FaxSessions;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.HylaFaxClient;
import ru.sipring.fax.InboxFax;
import ru.sipring.fax.SendRequest;
import ru.sipring.fax.SendResult;

/** The snippets of docs/fax.md, compiled and run against the real hfaxd (.ci/services.d/30-hylafax.sh). */
class FaxDocsTest {
  @TempDir Path tmp;

  @Test
  void sendStatusKillDeleteAndTheRightsView() throws Exception {
    String server = System.getenv("SIPRING_TEST_HFAXD");
    if (server == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but SIPRING_TEST_HFAXD is not set (.ci/services.d/30-hylafax.sh)");
      }
      Assumptions.abort("no hfaxd: source .ci/services.d/30-hylafax.sh");
    }
    String user = System.getenv("SIPRING_TEST_HFAXD_USER");
    String password = System.getenv("SIPRING_TEST_HFAXD_PASSWORD");
    Path invoice = tmp.resolve("invoice.txt");
    Files.writeString(invoice, "Счёт № 7\n", StandardCharsets.UTF_8);
    String n1 = "555" + ThreadLocalRandom.current().nextInt(1000000, 9999999);
    String n2 = "555" + ThreadLocalRandom.current().nextInt(1000000, 9999999);

    FaxServerAddress hfaxd = FaxServerAddress.parse(server, "config");
    try (HylaFaxClient fax = HylaFaxClient.connect(hfaxd, FaxCredentials.of(user, password))) {
      SendResult sent = fax.send(SendRequest.builder()
          .to(n1).to(n2)
          .document(FaxDocument.load(invoice))
          .cover(CoverPage.builder().recipient("Иван Петров").company("ООО Ромашка")
              .subject("Счёт 7").comments("Оплатить до пятницы")
              .fromName("Анна").fromCompany("SipRing-центр").fromPhone("+7 499 555-00-00")
              .fromFax("+7 499 555-00-01").fromEmail("fax@example.invalid").fromAddress("Москва").build())
          .resolution(SendRequest.Resolution.FINE)
          .maxTries(3).maxDials(12).killTime(Duration.ofHours(3))
          .notify(SendRequest.Notify.DONE, "anna@example.invalid")
          .build());
      assertThat(sent.jobs()).extracting(j -> j.state().phase()).containsOnly("queued");
      for (SendResult.Job j : sent.jobs()) {
        FaxJob job = fax.job(j.id());
        fax.kill(job.id());
        fax.delete(job.id());
      }
    }

    FaxSessions sessions = FaxSessions.of(hfaxd, Map.of(user, FaxCredentials.of(user, password)),
        FaxCredentials.of(user, password));
    FaxCenter center = FaxCenter.builder(sessions).build();
    center.lines().save(new FaxLine("ttyIAX0", "Управление 1", "FAX"));
    FaxUser anna = FaxUser.regular(user, "anna@example.invalid", Set.of("ttyIAX0"), Set.of("FAX")).withCanDelete(true);
    List<InboxFax> inbox = center.received(anna, InboxFax.Folder.INBOX);
    assertThat(inbox).isEmpty();
    List<FaxJob> outbox = center.outbox(anna, FaxQueue.DONE);
    assertThat(outbox).allMatch(j -> j.owner().contains(user));
  }
}
