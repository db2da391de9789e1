package ru.sipring.cli.fax;

import picocli.CommandLine.Option;
import ru.sipring.fax.FaxCredentials;
import ru.sipring.fax.FaxServerAddress;
import ru.sipring.fax.HylaFaxClient;

/** The common options of every fax command that talks to hfaxd. */
final class FaxServerOptions {
  @Option(names = "--fax-server", required = true, paramLabel = "HOST:PORT",
      description = "hfaxd address, for example 127.0.0.1:4559")
  String server;

  @Option(names = "--fax-user", required = true, paramLabel = "U", description = "hfaxd user")
  String user;

  @Option(names = "--fax-password", paramLabel = "P",
      description = "hfaxd password (when hosts.hfaxd asks one); default: env SIPRING_FAX_PASSWORD")
  String password;

  @Option(names = "--fax-admin-password", paramLabel = "P",
      description = "also take hfaxd administrative privileges (ADMIN), to act on other users' jobs")
  String adminPassword;

  HylaFaxClient connect() {
    FaxServerAddress address = FaxServerAddress.parse(server, "--fax-server");
    String pw = password != null ? password : System.getenv("SIPRING_FAX_PASSWORD");
    FaxCredentials c = FaxCredentials.of(user, pw);
    if (adminPassword != null) {
      c = c.withAdmin(adminPassword);
    }
    return HylaFaxClient.connect(address, c);
  }
}
