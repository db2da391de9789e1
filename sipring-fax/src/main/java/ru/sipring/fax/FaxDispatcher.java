package ru.sipring.fax;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Fax-to-email: the receive hook HylaFAX's {@code etc/FaxDispatch} (sourced by faxrcvd) calls through
 * {@code bin/sipring fax dispatch}. It records the fax with its line and category, converts it to PDF and
 * mails it to every user allowed to see it. Thread-safe when its collaborators are.
 */
public final class FaxDispatcher {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private final FaxCenter center;
  private final FaxImages images;
  private final FaxMailer mailer;
  private final ZoneId zone;

  public FaxDispatcher(FaxCenter center, FaxImages images, FaxMailer mailer, ZoneId zone) {
    this.center = center;
    this.images = images;
    this.mailer = mailer;
    this.zone = zone;
  }

  /**
   * What a dispatch did: the recorded fax and the addresses it was mailed to (empty: nobody may see it).
   * Immutable (thread-safe).
   */
  public record Result(InboxFax fax, List<String> mailedTo) {}

  /**
   * Records {@code event} and mails {@code tiff} (the received file's content) as PDF.
   */
  public Result dispatch(ReceiveEvent event, byte[] tiff) {
    InboxFax fax = center.recordReceived(event);
    List<String> to = new ArrayList<>();
    for (FaxUser u : center.recipientsOf(fax)) {
      to.add(u.email());
    }
    if (to.isEmpty()) {
      return new Result(fax, List.of());
    }
    byte[] pdf = images.tiffToPdf(tiff, "recvq/" + fax.file());
    String from = fax.sender().isEmpty() ? fax.cidNumber() : fax.sender();
    String subject = "Факс от " + (from.isEmpty() ? "неизвестного отправителя" : from) + " (" + fax.lineName() + ")";
    String body = "Получен факс.\n"
        + "С номера: " + from + "\n"
        + (fax.cidName().isEmpty() ? "" : "Имя: " + fax.cidName() + "\n")
        + "Дата: " + WHEN.format(fax.receivedAt().atZone(zone)) + "\n"
        + "Устройство: " + fax.lineName() + "\n"
        + "Страниц: " + fax.pages() + "\n"
        + (fax.category() == null ? "" : "Категория: " + fax.category() + "\n")
        + "Файл: " + fax.file() + (fax.commId().isEmpty() ? "" : ", CommID " + fax.commId()) + "\n";
    String pdfName = fax.file().replaceFirst("\\.tiff?$", "") + ".pdf";
    mailer.send(to, subject, body, pdf, pdfName);
    return new Result(fax, List.copyOf(to));
  }
}
