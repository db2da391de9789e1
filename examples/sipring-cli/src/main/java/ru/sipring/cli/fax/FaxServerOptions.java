package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
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

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String server;

  @Option(names = "--fax-user", required = true, paramLabel = "U", description = "hfaxd user")

  @SuppressWarnings("NullAway.Init") // a required option: picocli refuses a command line without it
  String user;

  @Option(names = "--fax-password", paramLabel = "P",
      description = "hfaxd password (when hosts.hfaxd asks one); visible in ps: prefer --fax-password-file or "
          + "env SIPRING_FAX_PASSWORD")
  @Nullable String password;

  @Option(names = "--fax-password-file", paramLabel = "FILE", description = "file whose first line is the hfaxd password")
  @Nullable Path passwordFile;

  @Option(names = "--fax-admin-password", paramLabel = "P",
      description = "also take hfaxd administrative privileges (ADMIN), to act on other users' jobs; visible in ps: "
          + "prefer --fax-admin-password-file or env SIPRING_FAX_ADMIN_PASSWORD")
  @Nullable String adminPassword;

  @Option(names = "--fax-admin-password-file", paramLabel = "FILE",
      description = "file whose first line is the hfaxd ADMIN password")
  @Nullable Path adminPasswordFile;

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
