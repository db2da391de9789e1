package ru.sipring.fax;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import ru.sipring.core.SipRingException;

/** Renders plain text to A4 PDF pages (what sendfax does with enscript on the client). */
final class TextPages {
  static final float MARGIN = 50;
  private static final float FONT_SIZE = 10.5f;
  private static final float LEADING = 13.5f;

  private TextPages() {}

  static byte[] render(String text, Path fontFile) {
    try (PDDocument doc = new PDDocument()) {
      PDFont font = PDType0Font.load(doc, fontFile.toFile());
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      List<List<String>> pages = new ArrayList<>();
      List<String> page = new ArrayList<>();
      int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
      for (String formPage : text.replace("\r\n", "\n").replace('\r', '\n').split("\f", -1)) {
        for (String line : formPage.split("\n", -1)) {
          for (String piece : wrap(printable(font, line.replace("\t", "        ")), font, width)) {
            if (page.size() == perPage) {
              pages.add(page);
              page = new ArrayList<>();
            }
            page.add(piece);
          }
        }
        pages.add(page);
        page = new ArrayList<>();
      }
      for (List<String> lines : pages) {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
          cs.beginText();
          cs.setFont(font, FONT_SIZE);
          cs.setLeading(LEADING);
          cs.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
          for (String l : lines) {
            cs.showText(l);
            cs.newLine();
          }
          cs.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new SipRingException("cannot render text as PDF with font " + fontFile + ": " + e.getMessage(), e);
    }
  }

  /** Replaces characters the font cannot draw with '?', so one odd character does not fail a whole fax. */
  static String printable(PDFont font, String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      try {
        font.encode(ch);
        sb.append(ch);
      } catch (IOException | IllegalArgumentException e) {
        sb.append('?');
      }
    });
    return sb.toString();
  }

  static List<String> wrap(String line, PDFont font, float width) throws IOException {
    List<String> out = new ArrayList<>();
    String rest = line;
    while (font.getStringWidth(rest) / 1000 * FONT_SIZE > width) {
      int cut = rest.length();
      while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * FONT_SIZE > width) {
        cut = Math.max(1, cut * 9 / 10);
      }
      int space = rest.lastIndexOf(' ', cut);
      int at = space > cut / 2 ? space : cut;
      out.add(rest.substring(0, at));
      rest = rest.substring(at).stripLeading();
    }
    out.add(rest);
    return out;
  }
}
