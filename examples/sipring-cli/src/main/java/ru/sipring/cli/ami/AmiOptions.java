package ru.sipring.cli.ami;

import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.BadInputException;

/** The common AMI options: {@code --ami HOST:PORT --ami-user U --ami-secret S}, defaulting to the environment. */
public final class AmiOptions {
  @Option(names = "--ami", paramLabel = "HOST:PORT", defaultValue = "${env:SIPRING_AMI}",
      description = "Asterisk AMI address (env SIPRING_AMI), port 5038 if omitted")
  String ami;

  @Option(names = "--ami-user", paramLabel = "U", defaultValue = "${env:SIPRING_AMI_USER}",
      description = "AMI user from manager.conf (env SIPRING_AMI_USER)")
  String user;

  @Option(names = "--ami-secret", paramLabel = "S", defaultValue = "${env:SIPRING_AMI_SECRET}",
      description = "AMI secret (env SIPRING_AMI_SECRET)")
  String secret;

  @Option(names = "--ami-wait", paramLabel = "SECONDS", defaultValue = "10",
      description = "how long to try to log in before giving up (default ${DEFAULT-VALUE})")
  int waitSeconds;

  public AmiSettings settings() {
    if (ami == null || ami.isBlank()) {
      throw new BadInputException("--ami", "missing: give --ami HOST:PORT or set SIPRING_AMI");
    }
    if (user == null || user.isBlank()) {
      throw new BadInputException("--ami-user", "missing: give --ami-user or set SIPRING_AMI_USER");
    }
    if (secret == null) {
      throw new BadInputException("--ami-secret", "missing: give --ami-secret or set SIPRING_AMI_SECRET");
    }
    return AmiSettings.parse(ami, user, secret).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  /** Connects a gateway, waiting {@code --ami-wait} seconds for the login; {@code ConnectionException} otherwise. */
  public AmiPbxGateway connect() {
    return AmiPbxGateway.connect(settings(), Clock.systemUTC(), Duration.ofSeconds(waitSeconds));
  }
}
