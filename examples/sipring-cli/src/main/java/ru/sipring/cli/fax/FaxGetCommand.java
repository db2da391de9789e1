package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ru.sipring.fax.FaxImages;
import ru.sipring.fax.HylaFaxClient;

/** {@code sipring fax get FILE}: downloads a received fax as TIFF, PDF or a PNG page. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Download a received fax (recvq/) as TIFF, PDF or PNG.")
final class FaxGetCommand extends FaxCommandBase {
  enum As { tiff, pdf, png }

  @Mixin
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  FaxServerOptions server;

  @Parameters(paramLabel = "FILE", description = "received fax, e.g. fax000000001.tif")
  @SuppressWarnings("NullAway.Init") // a required parameter: picocli refuses a command line without it
  String file;
  @Option(names = "--as", defaultValue = "pdf", description = "tiff, pdf or png")
  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  As as;
  @Option(names = "--page", defaultValue = "1", description = "page for --as png") int page;
  @Option(names = "--dpi", defaultValue = "100", description = "resolution for --as png") float dpi;
  @Option(names = {"-o", "--output"}, description = "output file (default: FILE with the new extension)") @Nullable Path output;

  @Override
  void execute() throws Exception {
    String name = file.startsWith("recvq/") ? file.substring("recvq/".length()) : file;
    byte[] tiff;
    try (HylaFaxClient c = server.connect()) {
      tiff = c.retrieveReceived(name);
    }
    byte[] bytes = switch (as) {
      case tiff -> tiff;
      case pdf -> FaxImages.withTiff2Pdf().tiffToPdf(tiff, "recvq/" + name);
      case png -> FaxImages.withTiff2Pdf().pageAsPng(FaxImages.withTiff2Pdf().tiffToPdf(tiff, "recvq/" + name), page, dpi);
    };
    String base = name.replaceFirst("\\.tiff?$", "");
    Path target = output != null ? output : Path.of(as == As.tiff ? name : as == As.pdf ? base + ".pdf" : base + "-" + page + ".png");
    Files.write(target, bytes);
    out().println(target);
  }
}
