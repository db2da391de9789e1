package ru.sipring.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngChartsTest {
  private final QuestionStats brand = new QuestionStats("brand", QuestionType.SINGLE, "Какую марку?", 10, 8, 8,
      List.of(new OptionStats("bmw", "БМВ", 4, 50, 50), new OptionStats("audi", "Ауди", 2, 25, 25),
          new OptionStats("merc", "Мерседес", 2, 25, 25), new OptionStats("lada", "Лада", 0, 0, 0)),
      List.of(), 0);

  private static BufferedImage decode(byte[] png) throws Exception {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  /** Length of the run of the option's colour along the middle of its bar. */
  private static int barLength(BufferedImage img, int option) {
    int y = PngCharts.TOP + option * (PngCharts.BAR_HEIGHT + PngCharts.GAP) + PngCharts.BAR_HEIGHT / 2;
    int rgb = PngCharts.colour(option).getRGB();
    int x = PngCharts.LABEL_WIDTH;
    while (x < img.getWidth() && img.getRGB(x, y) == rgb) {
      x++;
    }
    return x - PngCharts.LABEL_WIDTH;
  }

  @Test
  void barLengthsAreProportionalToCounts() throws Exception {
    BufferedImage img = decode(PngCharts.bar(brand));
    assertThat(img.getWidth()).isEqualTo(PngCharts.WIDTH);
    assertThat(barLength(img, 0)).isEqualTo(PngCharts.BAR_SPACE);
    assertThat(barLength(img, 1)).isEqualTo(PngCharts.BAR_SPACE / 2);
    assertThat(barLength(img, 2)).isEqualTo(PngCharts.BAR_SPACE / 2);
    assertThat(barLength(img, 3)).isZero();
    // text was drawn: dark pixels in the label column of the first bar
    boolean ink = false;
    for (int x = 0; x < PngCharts.LABEL_WIDTH && !ink; x++) {
      for (int y = PngCharts.TOP; y < PngCharts.TOP + PngCharts.BAR_HEIGHT && !ink; y++) {
        ink = (img.getRGB(x, y) & 0xff) < 0x80;
      }
    }
    assertThat(ink).as("label text drawn").isTrue();
  }

  @Test
  void pieSlicesHaveTheOptionColoursWhereExpected() throws Exception {
    BufferedImage img = decode(PngCharts.pie(brand));
    int cx = 30 + 120;
    int cy = PngCharts.TOP + 5 + 120;
    // bmw is the first half clockwise from 12 o'clock: the right side; audi then merc share the left
    assertThat(img.getRGB(cx + 60, cy)).isEqualTo(PngCharts.colour(0).getRGB());
    assertThat(img.getRGB(cx - 60, cy + 30)).isEqualTo(PngCharts.colour(1).getRGB());
    assertThat(img.getRGB(cx - 60, cy - 30)).isEqualTo(PngCharts.colour(2).getRGB());
    assertThatThrownBy(() -> PngCharts.pie(new QuestionStats("f", QuestionType.MULTIPLE, "?", 0, 0, 0, List.of(),
        List.of(), 0))).isInstanceOf(IllegalArgumentException.class);
  }
}
