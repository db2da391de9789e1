package ru.sipring.fax;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import ru.sipring.core.text.TerminalText;

/**
 * Fax-to-email: the receive hook HylaFAX's {@code etc/FaxDispatch} (sourced by faxrcvd) calls through
 * {@code bin/sipring fax dispatch}. It records the fax with its line and category, converts it to PDF and
 * mails it to every user allowed to see it. The mail is plain text; every value that came from outside (the
 * sender's TSI above all: whoever sends the fax sets it) is written with its control characters escaped, so
 * it cannot add header lines or fake lines of the body. Thread-safe when its collaborators are.
 */
public final class FaxDispatcher {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private final FaxCenter center;
  private final FaxImages images;
  private final FaxMailer mailer;
  private final ZoneId zone;

  /**
   * A dispatcher that mails received faxes as PDF.
   *
   * @param center where received faxes and users are
   * @param images converts received TIFFs to PDF
   * @param mailer sends the mails
   * @param zone dates in mails are shown in it
   * @return the dispatcher
   */
  public static FaxDispatcher of(FaxCenter center, FaxImages images, FaxMailer mailer, ZoneId zone) {
    return new FaxDispatcher(center, images, mailer, zone);
  }

  private FaxDispatcher(FaxCenter center, FaxImages images, FaxMailer mailer, ZoneId zone) {
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
   *
   * @param event the event
   * @param tiff the TIFF bytes
   * @return the fax as recorded and whom it was mailed to
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
    // TSI, caller ID, device and file come from the sender's fax machine, the telephone network and the
    // receive hook's arguments: escaped for a plain-text body and subject (no line breaks, no escapes)
    String from = TerminalText.escape(fax.sender().isEmpty() ? fax.cidNumber() : fax.sender());
    String line = TerminalText.escape(fax.lineName());
    String subject = "Факс от " + (from.isEmpty() ? "неизвестного отправителя" : from) + " (" + line + ")";
    String body = "Получен факс.\n"
        + "С номера: " + from + "\n"
        + (fax.cidName().isEmpty() ? "" : "Имя: " + TerminalText.escape(fax.cidName()) + "\n")
        + "Дата: " + WHEN.format(fax.receivedAt().atZone(zone)) + "\n"
        + "Устройство: " + line + "\n"
        + "Страниц: " + fax.pages() + "\n"
        + (fax.category() == null ? "" : "Категория: " + TerminalText.escape(fax.category()) + "\n")
        + "Файл: " + TerminalText.escape(fax.file())
        + (fax.commId().isEmpty() ? "" : ", CommID " + TerminalText.escape(fax.commId())) + "\n";
    // the attachment's name is a MIME parameter: only a plain file name goes there
    String pdfName = fax.file().replaceFirst("\\.tiff?$", "").replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    mailer.send(to, subject, body, pdf, pdfName);
    return new Result(fax, List.copyOf(to));
  }
}
