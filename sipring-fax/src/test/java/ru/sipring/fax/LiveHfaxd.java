package ru.sipring.fax;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The real hfaxd that .ci/services.d/30-hylafax.sh starts, read from the environment. With CI=true a missing
 * server fails the test; elsewhere the test is skipped with the reason.
 */
final class LiveHfaxd {
  final FaxServerAddress address;
  final String user;
  final String password;
  final String adminPassword;
  final String user2;
  final String password2;
  final Path spool;

  private LiveHfaxd() {
    String a = System.getenv("SIPRING_TEST_HFAXD");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (a == null || a.isBlank()) {
      if (ci) {
        fail("CI=true but SIPRING_TEST_HFAXD is not set: .ci/services.d/30-hylafax.sh must start hfaxd");
      }
      assumeTrue(false, "no hfaxd: run `source .ci/services.d/30-hylafax.sh` to test against a real HylaFAX");
    }
    address = FaxServerAddress.parse(a, "SIPRING_TEST_HFAXD");
    user = env("SIPRING_TEST_HFAXD_USER");
    password = env("SIPRING_TEST_HFAXD_PASSWORD");
    adminPassword = env("SIPRING_TEST_HFAXD_ADMIN_PASSWORD");
    user2 = env("SIPRING_TEST_HFAXD_USER2");
    password2 = env("SIPRING_TEST_HFAXD_PASSWORD2");
    spool = Path.of(env("SIPRING_TEST_HFAXD_SPOOL"));
  }

  static LiveHfaxd get() {
    return new LiveHfaxd();
  }

  private static String env(String name) {
    String v = System.getenv(name);
    if (v == null) {
      fail(name + " is not set (.ci/services.d/30-hylafax.sh exports it)");
    }
    return v;
  }

  FaxCredentials credentials() {
    return FaxCredentials.of(user, password);
  }

  FaxCredentials credentials2() {
    return FaxCredentials.of(user2, password2);
  }

  HylaFaxClient connect() {
    return HylaFaxClient.connect(address, credentials());
  }

  /** A fictional 555 number, different for every job (hfaxd blocks concurrent jobs to one number). */
  static String number() {
    return "555" + ThreadLocalRandom.current().nextInt(1000000, 9999999);
  }

  /** A one-page PDF with the given text (Cyrillic allowed). */
  static byte[] pdf(String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDType0Font font = PDType0Font.load(doc, FaxFonts.regular().toFile());
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 24);
        cs.newLineAtOffset(72, 700);
        cs.showText(text);
        cs.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A G3 TIFF made by Ghostscript from a PDF, as faxgetty would store it. */
  static byte[] g3Tiff(Path dir, String text) throws Exception {
    Path pdf = dir.resolve("in-" + System.nanoTime() + ".pdf");
    Files.write(pdf, pdf(text));
    Path tif = dir.resolve("out-" + System.nanoTime() + ".tif");
    run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg3", "-r204x196", "-o", tif.toString(), pdf.toString()));
    return Files.readAllBytes(tif);
  }

  /**
   * Places a received fax into recvq/ as HylaFAX would: G3 TIFF, ImageDescription "TSI\nCIDNumber\nCIDName",
   * owned by uucp, mode 0644. Returns the file name.
   */
  String placeReceived(Path work, String tsi, String cidNumber, String cidName) throws Exception {
    String name = String.format("fax%09d.tif", ThreadLocalRandom.current().nextInt(100000000, 999999999));
    Path tif = work.resolve(name);
    Files.write(tif, g3Tiff(work, "Входящий факс " + tsi));
    run(List.of("tiffset", "-s", "270", tsi + "\n" + cidNumber + "\n" + cidName, tif.toString()));
    Path target = spool.resolve("recvq").resolve(name);
    Files.copy(tif, target);
    UserPrincipalLookupService users = target.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    try {
      view.setOwner(users.lookupPrincipalByName("uucp"));
      GroupPrincipal g = users.lookupPrincipalByGroupName("uucp");
      view.setGroup(g);
    } catch (IOException e) {
      // not root: hfaxd still lists a world-readable file
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    return name;
  }

  void removeReceived(String name) throws IOException {
    Files.deleteIfExists(spool.resolve("recvq").resolve(name));
  }

  static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(command + " failed: " + output);
    }
  }
}
