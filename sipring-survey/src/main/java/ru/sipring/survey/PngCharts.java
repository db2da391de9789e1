package ru.sipring.survey;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The same bar and pie charts as {@link SvgCharts}, as PNG bytes, for hosts that need a raster image (mail,
 * spreadsheets). Drawn with Java2D on an off-screen image, so it works on a headless server (Linux picks
 * headless mode when there is no display; pass {@code -Djava.awt.headless=true} to be sure); text needs a
 * font, i.e. fontconfig and a font package such as fonts-dejavu-core on the machine. Thread-safe (each call
 * draws its own image).
 */
public final class PngCharts {
  static final int WIDTH = 640;
  static final int LABEL_WIDTH = 220;
  static final int BAR_HEIGHT = 22;
  static final int GAP = 8;
  static final int TOP = 40;
  /** Longest bar, in pixels: the option with the highest count. */
  static final int BAR_SPACE = WIDTH - LABEL_WIDTH - 120;

  private PngCharts() {}

  /**
   * Horizontal bars, one per option, scaled to the highest count, labelled "count (percent%)".
   *
   * @param q the question stats
   * @return the bytes
   */
  public static byte[] bar(QuestionStats q) {
    List<OptionStats> options = q.options();
    long max = options.stream().mapToLong(OptionStats::count).max().orElse(0);
    int height = TOP + options.size() * (BAR_HEIGHT + GAP) + 20;
    BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img, q);
    for (int i = 0; i < options.size(); i++) {
      OptionStats o = options.get(i);
      int y = TOP + i * (BAR_HEIGHT + GAP);
      int len = max == 0 ? 0 : (int) Math.round((double) BAR_SPACE * o.count() / max);
      g.setColor(Color.BLACK);
      String label = o.label();
      int w = g.getFontMetrics().stringWidth(label);
      g.drawString(label, Math.max(2, LABEL_WIDTH - 8 - w), y + 16);
      g.setColor(colour(i));
      g.fillRect(LABEL_WIDTH, y, len, BAR_HEIGHT);
      g.setColor(Color.BLACK);
      g.drawString(o.count() + " (" + String.format(Locale.ROOT, "%.1f", o.percentOfRespondents()) + "%)",
          LABEL_WIDTH + len + 6, y + 16);
    }
    return png(img, g);
  }

  /**
   * A pie of a single-choice question, with a legend.
   *
   * @param q the question stats
   * @return a pie of a single-choice question, with a legend
   */
  public static byte[] pie(QuestionStats q) {
    if (q.type() != QuestionType.SINGLE) {
      throw new IllegalArgumentException(q.questionId() + " is a " + q.type().jsonName()
          + " question; a pie shows only single-choice answers");
    }
    List<OptionStats> options = q.options();
    int height = Math.max(TOP + 260, TOP + options.size() * 22 + 20);
    BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(img, q);
    long total = options.stream().mapToLong(OptionStats::count).sum();
    double angle = 90; // Java2D angles are counter-clockwise from 3 o'clock; start at 12 o'clock, go clockwise
    for (int i = 0; i < options.size(); i++) {
      OptionStats o = options.get(i);
      if (total > 0 && o.count() > 0) {
        double sweep = 360.0 * o.count() / total;
        g.setColor(colour(i));
        g.fill(new Arc2D.Double(30, TOP + 5, 240, 240, angle, -sweep, Arc2D.PIE));
        angle -= sweep;
      }
      int ly = TOP + 10 + i * 22;
      g.setColor(colour(i));
      g.fillRect(300, ly, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(o.label() + " — " + o.count() + " (" + String.format(Locale.ROOT, "%.1f",
          o.percentOfRespondents()) + "%)", 320, ly + 12);
    }
    if (total == 0) {
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1));
      g.drawOval(30, TOP + 5, 240, 240);
    }
    return png(img, g);
  }

  static Color colour(int i) {
    return Color.decode(SvgCharts.PALETTE[i % SvgCharts.PALETTE.length]);
  }

  private static Graphics2D start(BufferedImage img, QuestionStats q) {
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(q.text(), 10, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    return g;
  }

  private static byte[] png(BufferedImage img, Graphics2D g) {
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", out)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG", e);
    }
    return out.toByteArray();
  }
}
