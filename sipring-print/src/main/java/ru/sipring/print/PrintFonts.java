package ru.sipring.print;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.SipRingException;

/**
 * Finds the TrueType fonts PDF printouts are set in. The PDF standard 14 fonts have no Cyrillic, so a TTF is
 * embedded: the system property {@code sipring.print.font}, else the environment variable
 * {@code SIPRING_PRINT_FONT}, else DejaVu Sans from Debian's {@code fonts-dejavu-core} (the same lookup the fax
 * cover pages use). The bold face is the regular file's {@code -Bold} sibling when there is one. Stateless,
 * thread-safe.
 */
final class PrintFonts {
  private static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/TTF/DejaVuSans.ttf");

  private PrintFonts() {}

  static Path regular() {
    String configured = System.getProperty("sipring.print.font");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("SIPRING_PRINT_FONT");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isReadable(p)) {
        throw new SipRingException("printout font " + p + " (from sipring.print.font / SIPRING_PRINT_FONT) is not "
            + "readable");
      }
      return p;
    }
    for (String c : CANDIDATES) {
      Path p = Path.of(c);
      if (Files.isReadable(p)) {
        return p;
      }
    }
    throw new SipRingException("no TrueType font with Cyrillic found for PDF printouts (looked at " + CANDIDATES
        + "); install the Debian package fonts-dejavu-core or set -Dsipring.print.font=/path/to/font.ttf");
  }

  /** {@code Name-Bold.ttf} beside {@code Name.ttf}, or null when there is none. */
  static @Nullable Path boldOf(Path regular) {
    Path name = regular.getFileName();
    Path dir = regular.getParent();
    if (name == null || dir == null) {
      return null;
    }
    String n = name.toString();
    int dot = n.lastIndexOf('.');
    String bold = dot < 0 ? n + "-Bold" : n.substring(0, dot) + "-Bold" + n.substring(dot);
    Path p = dir.resolve(bold);
    return Files.isReadable(p) ? p : null;
  }
}
