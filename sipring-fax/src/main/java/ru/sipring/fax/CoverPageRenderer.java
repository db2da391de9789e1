package ru.sipring.fax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import ru.sipring.core.SipRingException;

/**
 * Renders a {@link CoverPage} as a one-page A4 PDF with Russian labels, using a TrueType font with Cyrillic glyphs
 * (Cyrillic needs an embedded font). Stateless apart from the font path; thread-safe.
 */
public final class CoverPageRenderer {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private final Path fontFile;

  private CoverPageRenderer(Path fontFile) {
    this.fontFile = fontFile;
  }

  /**
   * A renderer with the default font: the system property {@code sipring.fax.font}, else the environment
   * variable {@code SIPRING_FAX_FONT}, else DejaVu Sans from Debian's {@code fonts-dejavu-core}.
   *
   * @return the renderer
   */
  public static CoverPageRenderer withDefaultFont() {
    return new CoverPageRenderer(FaxFonts.regular());
  }

  /**
   * A renderer with this TrueType font (it must have Cyrillic glyphs).
   *
   * @param ttf the font file
   * @return the renderer
   * @throws ru.sipring.core.SipRingException when the font cannot be read
   */
  public static CoverPageRenderer withFont(Path ttf) {
    return new CoverPageRenderer(ttf);
  }

  /**
   * The cover page for one recipient number, dated {@code when} (rendered in that time's zone).
   *
   * @param cover the cover
   * @param toNumber the to number
   * @param when the when
   * @return PDF bytes
   */
  public byte[] render(CoverPage cover, String toNumber, ZonedDateTime when) {
    try (PDDocument doc = new PDDocument()) {
      PDFont font = PDType0Font.load(doc, fontFile.toFile());
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float left = 60;
      float y = PDRectangle.A4.getHeight() - 80;
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        y = text(cs, font, 28, left, y, "ФАКС");
        y -= 10;
        cs.setLineWidth(1.5f);
        cs.moveTo(left, y);
        cs.lineTo(PDRectangle.A4.getWidth() - left, y);
        cs.stroke();
        y -= 28;
        y = field(cs, font, left, y, "Дата", DATE.format(when));
        y = field(cs, font, left, y, "Кому", cover.recipient());
        y = field(cs, font, left, y, "Организация", cover.company());
        y = field(cs, font, left, y, "Номер факса", toNumber);
        y -= 12;
        y = field(cs, font, left, y, "От", cover.fromName());
        y = field(cs, font, left, y, "Организация", cover.fromCompany());
        y = field(cs, font, left, y, "Адрес", cover.fromAddress());
        y = field(cs, font, left, y, "Телефон", cover.fromPhone());
        y = field(cs, font, left, y, "Факс", cover.fromFax());
        y = field(cs, font, left, y, "Эл. почта", cover.fromEmail());
        y -= 12;
        y = field(cs, font, left, y, "Тема", cover.subject());
        if (!cover.comments().isEmpty()) {
          y -= 8;
          y = text(cs, font, 12, left, y, "Комментарий:");
          float width = PDRectangle.A4.getWidth() - 2 * left;
          for (String para : cover.comments().split("\\R")) {
            for (String line : wrap(TextPages.printable(font, para), font, 12, width)) {
              if (y < 60) {
                break;
              }
              y = text(cs, font, 12, left, y, line);
            }
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new SipRingException("cannot render the fax cover page with font " + fontFile + ": " + e.getMessage(), e);
    }
  }

  private static float field(PDPageContentStream cs, PDFont font, float x, float y, String label, String value)
      throws IOException {
    if (value.isEmpty()) {
      return y;
    }
    cs.beginText();
    cs.setFont(font, 12);
    cs.newLineAtOffset(x, y);
    cs.showText(label + ":");
    cs.endText();
    cs.beginText();
    cs.setFont(font, 13);
    cs.newLineAtOffset(x + 120, y);
    cs.showText(TextPages.printable(font, value.replaceAll("\\R", " ")));
    cs.endText();
    return y - 20;
  }

  private static float text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(TextPages.printable(font, s));
    cs.endText();
    return y - size * 1.4f;
  }

  private static List<String> wrap(String para, PDFont font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : para.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (font.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }
}
