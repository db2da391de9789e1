package ru.sipring.fax;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import ru.sipring.core.BadInputException;

/**
 * A document to fax, in a format hfaxd accepts as is: PDF, PostScript or TIFF. Plain text is converted to
 * PDF by SipRing when loaded (hfaxd does not convert text; sendfax does it on the client). Immutable
 * (the bytes are copied), thread-safe.
 */
public final class FaxDocument {

  /** A format hfaxd takes ({@code FORM} command). Immutable (thread-safe). */
  public enum Format {
    /** PDF. */
    PDF("PDF", "pdf"),
    /** PostScript. */
    POSTSCRIPT("PS", "ps"),
    /** TIFF (class F, as fax machines send). */
    TIFF("TIFF", "tif");

    private final String form;
    private final String extension;

    Format(String form, String extension) {
      this.form = form;
      this.extension = extension;
    }

    /**
     * The argument of hfaxd's {@code FORM} command.
     *
     * @return the argument of hfaxd's {@code FORM} command
     */
    public String form() {
      return form;
    }

    /**
     * The usual file name extension, without the dot.
     *
     * @return the extension
     */
    public String extension() {
      return extension;
    }
  }

  private final String name;
  private final Format format;
  private final byte[] bytes;

  private FaxDocument(String name, Format format, byte[] bytes) {
    this.name = name;
    this.format = format;
    this.bytes = bytes.clone();
  }

  /**
   * A document whose format the caller already knows; the bytes must not be empty.
   *
   * @param name the name
   * @param format the format
   * @param bytes the content
   * @return a document whose format the caller already knows
   */
  public static FaxDocument of(String name, Format format, byte[] bytes) {
    if (bytes.length == 0) {
      throw new BadInputException(name, "document is empty");
    }
    return new FaxDocument(name, format, bytes);
  }

  /**
   * Reads a file and recognises its format by content: PDF, PostScript, TIFF, or UTF-8 plain text (rendered
   * to PDF with the font {@link CoverPageRenderer#withDefaultFont()} uses). Anything else is refused with a {@link BadInputException} naming the file.
   *
   * @param file the file name
   * @return the fax document
   */
  public static FaxDocument load(Path file) {
    String location = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(location, "file does not exist", e);
    } catch (IOException e) {
      throw new BadInputException(location, "cannot read: " + e.getMessage(), e);
    }
    return fromBytes(file.getFileName().toString(), bytes, location);
  }

  /**
   * Like {@link #load} for bytes already in memory; {@code location} names them in errors.
   *
   * @param name the name
   * @param bytes the content
   * @param location the file or fax the bytes came from, named in errors
   * @return the fax document
   */
  public static FaxDocument fromBytes(String name, byte[] bytes, String location) {
    if (bytes.length == 0) {
      throw new BadInputException(location, "file is empty, nothing to fax");
    }
    if (startsWith(bytes, "%PDF")) {
      return new FaxDocument(name, Format.PDF, bytes);
    }
    if (startsWith(bytes, "%!")) {
      return new FaxDocument(name, Format.POSTSCRIPT, bytes);
    }
    if (bytes.length >= 4
        && ((bytes[0] == 'I' && bytes[1] == 'I' && bytes[2] == 42 && bytes[3] == 0)
            || (bytes[0] == 'M' && bytes[1] == 'M' && bytes[2] == 0 && bytes[3] == 42))) {
      return new FaxDocument(name, Format.TIFF, bytes);
    }
    String text = asPlainText(bytes);
    if (text != null) {
      if (text.isBlank()) {
        throw new BadInputException(location, "text file has only white space, nothing to fax");
      }
      return new FaxDocument(name, Format.PDF, TextPages.render(text, FaxFonts.regular()));
    }
    throw new BadInputException(location, "unsupported file type (starts with " + hex(bytes)
        + "); a fax document must be PDF, PostScript, TIFF or UTF-8 plain text");
  }

  /**
   * The file name the document is sent under.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The format hfaxd is told.
   *
   * @return the format
   */
  public Format format() {
    return format;
  }

  /**
   * A copy of the content.
   *
   * @return a copy of the content
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  int size() {
    return bytes.length;
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  private static boolean startsWith(byte[] bytes, String magic) {
    if (bytes.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (bytes[i] != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String asPlainText(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        return null;
      }
    }
    return text;
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      sb.append(String.format("%02x", bytes[i] & 0xff));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return name + " (" + format + ", " + bytes.length + " bytes)";
  }
}
