package ru.sipring.cli.ami;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;
import ru.sipring.ami.AmiPbxGateway;
import ru.sipring.ami.AmiSettings;
import ru.sipring.core.BadInputException;

/**
 * The common AMI options: {@code --ami HOST:PORT --ami-user U} and the secret from {@code --ami-secret-file},
 * $SIPRING_AMI_SECRET or {@code --ami-secret} ({@link ru.sipring.cli.Secrets}), defaulting to the environment.
 */
public final class AmiOptions {
  @Option(names = "--ami", paramLabel = "HOST:PORT", defaultValue = "${env:SIPRING_AMI}",
      description = "Asterisk AMI address (env SIPRING_AMI), port 5038 if omitted")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String ami;

  @Option(names = "--ami-user", paramLabel = "U", defaultValue = "${env:SIPRING_AMI_USER}",
      description = "AMI user from manager.conf (env SIPRING_AMI_USER)")

  @SuppressWarnings("NullAway.Init") // picocli sets its defaultValue when the option is absent
  String user;

  @Option(names = "--ami-secret", paramLabel = "S",
      description = "AMI secret (visible in ps: prefer --ami-secret-file or env SIPRING_AMI_SECRET)")
  @Nullable String secret;

  @Option(names = "--ami-secret-file", paramLabel = "FILE", description = "file whose first line is the AMI secret")
  java.nio.file.@Nullable Path secretFile;

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
    String s = ru.sipring.cli.Secrets.resolve(secret, secretFile, "--ami-secret-file", "SIPRING_AMI_SECRET");
    if (s == null) {
      throw new BadInputException("--ami-secret", "missing: give --ami-secret-file FILE or set SIPRING_AMI_SECRET");
    }
    return AmiSettings.parse(ami, user, s).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  /** Connects a gateway, waiting {@code --ami-wait} seconds for the login; {@code ConnectionException} otherwise. */
  public AmiPbxGateway connect() {
    return AmiPbxGateway.connect(settings(), Clock.systemUTC(), Duration.ofSeconds(waitSeconds));
  }
}
