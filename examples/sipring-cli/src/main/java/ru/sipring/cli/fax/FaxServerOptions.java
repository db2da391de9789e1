package ru.sipring.cli.fax;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import ru.sipring.cli.Secrets;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.HylaFaxClient;

/** The common options of every fax command that talks to hfaxd; passwords as {@link Secrets} says. */
final class FaxServerOptions {
  @Option(names = "--fax-server", required = true, paramLabel = "HOST:PORT",
      description = "hfaxd address, for example 127.0.0.1:4559")
  String server;

  @Option(names = "--fax-user", required = true, paramLabel = "U", description = "hfaxd user")
  String user;

  @Option(names = "--fax-password", paramLabel = "P",
      description = "hfaxd password (when hosts.hfaxd asks one); visible in ps: prefer --fax-password-file or "
          + "env SIPRING_FAX_PASSWORD")
  String password;

  @Option(names = "--fax-password-file", paramLabel = "FILE", description = "file whose first line is the hfaxd password")
  Path passwordFile;

  @Option(names = "--fax-admin-password", paramLabel = "P",
      description = "also take hfaxd administrative privileges (ADMIN), to act on other users' jobs; visible in ps: "
          + "prefer --fax-admin-password-file or env SIPRING_FAX_ADMIN_PASSWORD")
  String adminPassword;

  @Option(names = "--fax-admin-password-file", paramLabel = "FILE",
      description = "file whose first line is the hfaxd ADMIN password")
  Path adminPasswordFile;

  HylaFaxClient connect() {
    FaxServerAddress address = FaxServerAddress.parse(server, "--fax-server");
    String pw = Secrets.resolve(password, passwordFile, "--fax-password-file", "SIPRING_FAX_PASSWORD");
    FaxCredentials c = FaxCredentials.of(user, pw);
    String admin = Secrets.resolve(adminPassword, adminPasswordFile, "--fax-admin-password-file",
        "SIPRING_FAX_ADMIN_PASSWORD");
    if (admin != null) {
      c = c.withAdmin(admin);
    }
    return HylaFaxClient.connect(address, c);
  }
}
