package ru.sipring.fax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.sipring.core.SipRingException;

/**
 * Finds the TrueType font SipRing renders cover pages and text documents with. The PDF standard 14 fonts
 * have no Cyrillic, so a TTF is loaded at run time: the system property {@code sipring.fax.font}, else the
 * environment variable {@code SIPRING_FAX_FONT}, else DejaVu Sans from Debian's {@code fonts-dejavu-core}.
 * Stateless, thread-safe.
 */
final class FaxFonts {
  private static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/TTF/DejaVuSans.ttf");

  private FaxFonts() {}

  /**
   * The font file to use; throws with instructions when none exists.
   *
   * @return the font file to use
   */
  static Path regular() {
    String configured = System.getProperty("sipring.fax.font");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("SIPRING_FAX_FONT");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isReadable(p)) {
        throw new SipRingException("fax font " + p + " (from sipring.fax.font / SIPRING_FAX_FONT) is not readable");
      }
      return p;
    }
    for (String c : CANDIDATES) {
      Path p = Path.of(c);
      if (Files.isReadable(p)) {
        return p;
      }
    }
    throw new SipRingException("no TrueType font with Cyrillic found for fax pages (looked at " + CANDIDATES
        + "); install the Debian package fonts-dejavu-core or set -Dsipring.fax.font=/path/to/font.ttf");
  }
}
