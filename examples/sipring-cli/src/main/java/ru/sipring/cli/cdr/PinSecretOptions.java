package ru.sipring.cli.cdr;

import org.jspecify.annotations.Nullable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import picocli.CommandLine.Option;
import ru.sipring.cdr.PinHasher;
import ru.sipring.core.BadInputException;

/**
 * {@code --pin-secret-file FILE} (or $SIPRING_PIN_SECRET): the secret PINs are hashed with, kept outside the
 * database. Picocli mixin shared by {@code operators} and {@code agi-server --db}.
 */
public final class PinSecretOptions {
  @Option(names = "--pin-secret-file", paramLabel = "FILE",
      description = "file with the PIN hashing secret (default: $SIPRING_PIN_SECRET holds the secret itself)")
  @Nullable Path pinSecretFile;

  /**
   * The hasher from the file or the environment. When {@code needed} is false and there is no secret, a
   * random one is used: the caller hashes no PIN.
   */
  public PinHasher pins(boolean needed) {
    if (pinSecretFile != null) {
      return PinHasher.ofSecretFile(pinSecretFile);
    }
    String env = System.getenv("SIPRING_PIN_SECRET");
    if (env != null && !env.isBlank()) {
      return PinHasher.ofSecret(env.strip().getBytes(StandardCharsets.UTF_8));
    }
    if (needed) {
      throw new BadInputException("--pin-secret-file", "a PIN secret is needed: --pin-secret-file FILE or "
          + "$SIPRING_PIN_SECRET (at least " + PinHasher.MIN_SECRET_BYTES + " bytes, kept outside the database)");
    }
    byte[] unused = new byte[32];
    new SecureRandom().nextBytes(unused);
    return PinHasher.ofSecret(unused);
  }
}
