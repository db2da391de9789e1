package ru.sipring.fax;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import ru.sipring.core.BadInputException;
import ru.sipring.core.SipRingException;

/**
 * Turns received faxes (G3/G4 TIFF) into PDF with libtiff's {@code tiff2pdf} (Debian {@code libtiff-tools};
 * it keeps the CCITT data as is and honours the fax's non-square resolution), and PDF pages into PNG with
 * pdfbox. Stateless, thread-safe.
 */
public final class FaxImages {
  private final String tiff2pdf;

  private FaxImages(String tiff2pdf) {
    this.tiff2pdf = tiff2pdf;
  }

  /** Uses {@code tiff2pdf} from the PATH. */
  public static FaxImages withTiff2Pdf() {
    return new FaxImages("tiff2pdf");
  }

  /** Uses the given {@code tiff2pdf} executable. */
  public static FaxImages withTiff2Pdf(String executable) {
    return new FaxImages(executable);
  }

  /** A PDF with one page per TIFF page. */
  public byte[] tiffToPdf(byte[] tiff, String location) {
    if (tiff.length < 4 || !((tiff[0] == 'I' && tiff[1] == 'I') || (tiff[0] == 'M' && tiff[1] == 'M'))) {
      throw new BadInputException(location, "is not a TIFF file");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("sipring-fax");
      Path in = dir.resolve("in.tif");
      Path out = dir.resolve("out.pdf");
      Files.write(in, tiff);
      Process p;
      try {
        p = new ProcessBuilder(List.of(tiff2pdf, "-o", out.toString(), in.toString())).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new SipRingException("cannot run " + tiff2pdf + " to convert faxes to PDF (install the Debian package"
            + " libtiff-tools): " + e.getMessage(), e);
      }
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new SipRingException(tiff2pdf + " did not finish converting " + location + " within 60 s");
      }
      if (p.exitValue() != 0 || !Files.exists(out)) {
        throw new BadInputException(location, tiff2pdf + " could not convert it (exit " + p.exitValue() + "): " + output.strip());
      }
      return Files.readAllBytes(out);
    } catch (IOException e) {
      throw new SipRingException("converting " + location + " to PDF failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SipRingException("interrupted while converting " + location, e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Number of pages of a PDF. */
  public int pageCount(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new BadInputException("pdf", "cannot read PDF: " + e.getMessage(), e);
    }
  }

  /** Page {@code page} (1-based) of a PDF as a black-and-white PNG at {@code dpi}. */
  public byte[] pageAsPng(byte[] pdf, int page, float dpi) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (page < 1 || page > doc.getNumberOfPages()) {
        throw new BadInputException("page", page + " is outside 1.." + doc.getNumberOfPages());
      }
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, dpi, ImageType.BINARY);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new SipRingException("cannot render PDF page " + page + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
