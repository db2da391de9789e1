package ru.sipring.print;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.SipRingException;
import ru.sipring.core.report.render.Printout;

/**
 * Writes a {@link Printout} as a PDF: A4 landscape, the title and window on top, headings, label/value panels and
 * ruled tables whose header repeats on every page they cross, «Итого» lines in bold, page numbers at the foot.
 * Text is set in an embedded TrueType font (see {@link #of()}) so Cyrillic prints; a character the font has
 * no glyph for (an emoji in an agent's name, a control character in a caller ID) prints as {@code ?} instead of
 * failing the document. A cell too wide for its column is cut with an ellipsis.
 *
 * <p>Immutable and thread-safe: every {@link #write} loads the fonts into its own document.
 */
public final class PdfPrintout {
  private static final float MARGIN = 36;
  private static final float TEXT = 8;
  private static final float TITLE = 14;
  private static final float HEADING1 = 11;
  private static final float HEADING2 = 9.5f;
  private static final float PAD = 2;
  private static final float ROW = TEXT + 2 * PAD + 1;

  private final Path regular;
  private final @Nullable Path bold;

  private PdfPrintout(Path regular, @Nullable Path bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /**
   * A writer using the font found as the fax pages find theirs: {@code -Dsipring.print.font}, else
   * {@code SIPRING_PRINT_FONT}, else Debian's DejaVu Sans (and its bold face beside it).
   *
   * @return the writer
   * @throws SipRingException when no font is found, naming where it looked and how to set one
   */
  public static PdfPrintout of() {
    Path r = PrintFonts.regular();
    return new PdfPrintout(r, PrintFonts.boldOf(r));
  }

  /**
   * A writer using the given TrueType fonts.
   *
   * @param regular the regular face
   * @param bold the bold face, or null to print «Итого» lines and headings in the regular face
   * @return the writer
   */
  public static PdfPrintout withFonts(Path regular, @Nullable Path bold) {
    return new PdfPrintout(Objects.requireNonNull(regular, "regular"), bold);
  }

  /**
   * Writes the printout as one PDF document; does not close {@code out}.
   *
   * @param printout what to print
   * @param out where the PDF goes
   * @throws SipRingException when a font cannot be read or the output cannot be written (the IOException is the
   *     cause)
   */
  public void write(Printout printout, OutputStream out) {
    try (PDDocument doc = new PDDocument()) {
      PDFont plain = PDType0Font.load(doc, regular.toFile());
      PDFont strong = bold == null ? plain : PDType0Font.load(doc, bold.toFile());
      try (Layout layout = new Layout(doc, new Face(plain), new Face(strong))) {
        layout.document(printout);
      }
      doc.save(out);
    } catch (IOException e) {
      throw new SipRingException("cannot write the PDF printout: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new SipRingException("cannot write the PDF printout: " + e.getMessage(), e);
    }
  }

  /** A font and the characters it can print, learnt one code point at a time. */
  private static final class Face {
    final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    Face(PDFont font) {
      this.font = font;
    }

    /** The text with every character the font cannot show replaced by '?', and control characters by a space. */
    String printable(String s) {
      StringBuilder b = new StringBuilder(s.length());
      s.codePoints().forEach(cp -> {
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
            || Character.getType(cp) == Character.LINE_SEPARATOR
            || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
          b.append(' ');
        } else if (printable.computeIfAbsent(cp, this::canShow)) {
          b.appendCodePoint(cp);
        } else {
          b.append('?');
        }
      });
      return b.toString();
    }

    private boolean canShow(int cp) {
      try {
        font.encode(new String(Character.toChars(cp)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        // PDFBox refuses a character with no glyph in the embedded font; print '?' instead
        return false;
      }
    }

    float width(String printable, float size) {
      try {
        return font.getStringWidth(printable) / 1000f * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The page cursor; one per document. */
  private static final class Layout implements AutoCloseable {
    private final PDDocument doc;
    private final Face plain;
    private final Face strong;
    private final PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private final List<PDPage> pages = new ArrayList<>();
    private @Nullable PDPageContentStream cs;
    private float y;

    Layout(PDDocument doc, Face plain, Face strong) {
      this.doc = doc;
      this.plain = plain;
      this.strong = strong;
    }

    private float width() {
      return size.getWidth() - 2 * MARGIN;
    }

    private PDPageContentStream page() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage p = new PDPage(size);
      doc.addPage(p);
      pages.add(p);
      cs = new PDPageContentStream(doc, p);
      y = size.getHeight() - MARGIN;
      return cs;
    }

    private PDPageContentStream stream() throws IOException {
      PDPageContentStream c = cs;
      return c == null ? page() : c;
    }

    /** Makes room for {@code h} points, starting a page when the current one is full. */
    private boolean room(float h) throws IOException {
      if (cs == null || y - h < MARGIN + 14) {
        page();
        return true;
      }
      return false;
    }

    private void text(Face f, float fontSize, float x, float baseline, String printable) throws IOException {
      PDPageContentStream c = stream();
      c.beginText();
      c.setFont(f.font, fontSize);
      c.newLineAtOffset(x, baseline);
      c.showText(printable);
      c.endText();
    }

    /** Writes a line of text, cut to the page width. */
    private void line(Face f, float fontSize, String s, float gapAfter) throws IOException {
      room(fontSize + gapAfter + 4);
      y -= fontSize + 2;
      text(f, fontSize, MARGIN, y, fit(f, f.printable(s), fontSize, width()));
      y -= gapAfter;
    }

    void document(Printout p) throws IOException {
      line(strong, TITLE, p.title(), 4);
      for (String s : p.subtitle()) {
        line(plain, TEXT + 1, s, 2);
      }
      y -= 6;
      for (Printout.Block b : p.blocks()) {
        if (b instanceof Printout.Heading h) {
          // keep a heading with at least a few lines of what follows
          room((h.level() == 1 ? HEADING1 : HEADING2) + 6 + 4 * ROW);
          y -= h.level() == 1 ? 8 : 4;
          line(strong, h.level() == 1 ? HEADING1 : HEADING2, h.text(), 3);
        } else if (b instanceof Printout.Table t) {
          table(t);
          y -= 8;
        }
      }
      footers();
    }

    private void table(Printout.Table t) throws IOException {
      int n = t.columns().size();
      if (n == 0) {
        return;
      }
      float[] w = widths(t);
      boolean panel = t.isPanel();
      if (!panel) {
        room(2 * ROW);
        header(t, w);
      }
      for (List<Printout.Cell> r : t.rows()) {
        if (room(ROW) && !panel) {
          header(t, w);
        }
        row(t, w, r, plain, false);
      }
      boolean first = true;
      for (List<Printout.Cell> r : t.totals()) {
        if (room(ROW) && !panel) {
          header(t, w);
        }
        row(t, w, r, strong, first);
        first = false;
      }
    }

    private void header(Printout.Table t, float[] w) throws IOException {
      PDPageContentStream c = stream();
      float x = MARGIN;
      float total = sum(w);
      c.setNonStrokingColor(0.9f, 0.9f, 0.9f);
      c.addRect(MARGIN, y - ROW, total, ROW);
      c.fill();
      c.setNonStrokingColor(0f, 0f, 0f);
      for (int i = 0; i < w.length; i++) {
        Printout.Column col = t.columns().get(i);
        cell(strong, col.header(), col.numeric(), x, w[i]);
        x += w[i];
      }
      y -= ROW;
      rule(total, 0.8f);
    }

    private void row(Printout.Table t, float[] w, List<Printout.Cell> r, Face f, boolean ruleAbove)
        throws IOException {
      if (ruleAbove) {
        rule(sum(w), 0.8f, y);
      }
      float x = MARGIN;
      for (int i = 0; i < w.length; i++) {
        Printout.Cell cell = r.get(i);
        cell(f, cell.text(), t.columns().get(i).numeric() || cell.number() != null, x, w[i]);
        x += w[i];
      }
      y -= ROW;
      if (!t.isPanel()) {
        rule(sum(w), 0.2f);
      }
    }

    private void cell(Face f, String s, boolean right, float x, float w) throws IOException {
      String p = fit(f, f.printable(s), TEXT, w - 2 * PAD);
      if (p.isEmpty()) {
        return;
      }
      float tx = right ? x + w - PAD - f.width(p, TEXT) : x + PAD;
      text(f, TEXT, tx, y - PAD - TEXT + 1.5f, p);
    }

    private void rule(float length, float thickness) throws IOException {
      rule(length, thickness, y);
    }

    private void rule(float length, float thickness, float at) throws IOException {
      PDPageContentStream c = stream();
      c.setLineWidth(thickness);
      c.moveTo(MARGIN, at);
      c.lineTo(MARGIN + length, at);
      c.stroke();
    }

    /** Natural widths (the widest cell of each column), shrunk in proportion when they do not fit the page. */
    private float[] widths(Printout.Table t) {
      int n = t.columns().size();
      float[] w = new float[n];
      for (int i = 0; i < n; i++) {
        w[i] = strong.width(strong.printable(t.columns().get(i).header()), TEXT) + 2 * PAD + 4;
      }
      List<List<Printout.Cell>> all = new ArrayList<>(t.rows());
      all.addAll(t.totals());
      for (List<Printout.Cell> r : all) {
        for (int i = 0; i < n; i++) {
          String s = r.get(i).text();
          if (!s.isEmpty()) {
            w[i] = Math.max(w[i], strong.width(strong.printable(s), TEXT) + 2 * PAD + 4);
          }
        }
      }
      float total = sum(w);
      if (total > width()) {
        float k = width() / total;
        for (int i = 0; i < n; i++) {
          w[i] *= k;
        }
      }
      return w;
    }

    private static float sum(float[] w) {
      float s = 0;
      for (float v : w) {
        s += v;
      }
      return s;
    }

    /** The text, cut with an ellipsis when it is wider than {@code room}. */
    private static String fit(Face f, String printable, float fontSize, float room) {
      if (f.width(printable, fontSize) <= room) {
        return printable;
      }
      String dots = f.printable("…");
      int[] cps = printable.codePoints().toArray();
      int lo = 0;
      int hi = cps.length;
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (f.width(new String(cps, 0, mid) + dots, fontSize) <= room) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo == 0 ? "" : new String(cps, 0, lo) + dots;
    }

    /** "n / N" at the foot of every page, once the number of pages is known. */
    private void footers() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
      int total = pages.size();
      for (int i = 0; i < total; i++) {
        try (PDPageContentStream c = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND,
            true)) {
          String s = (i + 1) + " / " + total;
          c.beginText();
          c.setFont(plain.font, TEXT);
          c.newLineAtOffset(size.getWidth() - MARGIN - plain.width(s, TEXT), MARGIN / 2);
          c.showText(s);
          c.endText();
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }
  }
}
