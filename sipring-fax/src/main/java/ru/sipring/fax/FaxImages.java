package ru.sipring.fax;

import org.jspecify.annotations.Nullable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * pdfbox. Immutable, thread-safe.
 *
 * <p>The converter runs with a time limit (60 s unless given): a converter that hangs on a crafted or broken
 * TIFF is killed (with any process it started) and the conversion fails with a {@link SipRingException}
 * saying so, instead of blocking the fax-to-email dispatch for ever. Its output goes to a file, not a pipe, so
 * nothing it writes can block it or the caller.
 */
public final class FaxImages {
  /** How long {@code tiff2pdf} may take unless told otherwise; a real fax converts in well under a second. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_OUTPUT_SHOWN = 2000;

  private final String tiff2pdf;
  private final Duration timeout;

  private FaxImages(String tiff2pdf, Duration timeout) {
    this.tiff2pdf = Objects.requireNonNull(tiff2pdf, "tiff2pdf");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * Uses {@code tiff2pdf} from the PATH, with the default time limit.
   *
   * @return the fax images
   */
  public static FaxImages withTiff2Pdf() {
    return new FaxImages("tiff2pdf", DEFAULT_TIMEOUT);
  }

  /**
   * Uses the given {@code tiff2pdf} executable, with the default time limit.
   *
   * @param executable the executable
   * @return the fax images
   */
  public static FaxImages withTiff2Pdf(String executable) {
    return new FaxImages(executable, DEFAULT_TIMEOUT);
  }

  /**
   * Uses the given {@code tiff2pdf} executable with a time limit per conversion.
   *
   * @param executable the converter, called as {@code executable -o OUT.pdf IN.tif}
   * @param timeout how long one conversion may take before the converter is killed (positive)
   * @return the converter
   */
  public static FaxImages withTiff2Pdf(String executable, Duration timeout) {
    return new FaxImages(executable, timeout);
  }

  /**
   * A PDF with one page per TIFF page.
   *
   * @param tiff the TIFF bytes
   * @param location the file or fax the bytes came from, named in errors
   * @return a PDF with one page per TIFF page
   */
  public byte[] tiffToPdf(byte[] tiff, String location) {
    if (tiff.length < 4 || !((tiff[0] == 'I' && tiff[1] == 'I') || (tiff[0] == 'M' && tiff[1] == 'M'))) {
      throw new BadInputException(location, "is not a TIFF file");
    }
    @Nullable Path dir = null;
    try {
      dir = Files.createTempDirectory("sipring-fax");
      Path in = dir.resolve("in.tif");
      Path out = dir.resolve("out.pdf");
      Path log = dir.resolve("tiff2pdf.log");
      Files.write(in, tiff);
      Process p;
      try {
        // output to a file: reading a pipe to its end before waitFor would wait as long as the converter hangs
        p = new ProcessBuilder(List.of(tiff2pdf, "-o", out.toString(), in.toString())).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
      } catch (IOException e) {
        throw new SipRingException("cannot run " + tiff2pdf + " to convert faxes to PDF (install the Debian package"
            + " libtiff-tools): " + e.getMessage(), e);
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw new SipRingException(tiff2pdf + " did not finish converting " + location + " within "
            + seconds(timeout) + "; it was killed and the fax is not converted");
      }
      if (p.exitValue() != 0 || !Files.exists(out)) {
        throw new BadInputException(location, tiff2pdf + " could not convert it (exit " + p.exitValue() + "): "
            + head(log));
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

  /**
   * Number of pages of a PDF.
   *
   * @param pdf the PDF bytes
   * @return number of pages of a PDF
   */
  public int pageCount(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      throw new BadInputException("pdf", "cannot read PDF: " + e.getMessage(), e);
    }
  }

  /**
   * Page {@code page} (1-based) of a PDF as a black-and-white PNG at {@code dpi}.
   *
   * @param pdf the PDF bytes
   * @param page the page
   * @param dpi the dpi
   * @return the bytes
   */
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

  /** The converter and whatever it started: a shell script's child would otherwise live on. */
  private static void kill(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    // wait for the kill so the temporary files can go; SIGKILL cannot be ignored, this is short
    p.waitFor(10, TimeUnit.SECONDS);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The start of what the converter printed, for the error message. */
  private static String head(Path log) throws IOException {
    byte[] b;
    try (var in = Files.newInputStream(log)) {
      b = in.readNBytes(MAX_OUTPUT_SHOWN);
    }
    // the converter may echo bytes of the received file: no control characters into a terminal or a log
    return ru.sipring.core.text.TerminalText.escape(new String(b, java.nio.charset.StandardCharsets.UTF_8).strip());
  }

  private static void deleteQuietly(@Nullable Path dir) {
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
