package ru.sipring.cdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.sipring.core.BadInputException;

/**
 * Keyed hash of operator PINs: HMAC-SHA256 with a secret that lives outside the database (a file readable by
 * the SipRing host only, or an environment variable). The same PIN always gives the same hash, so a login
 * finds its operator with one indexed lookup; a database dump alone reveals no PIN, because guessing the
 * short numeric PINs needs the secret. A plain salted password hash would force a scan of every operator.
 *
 * <p>Immutable and thread-safe ({@link Mac} instances are made per call).
 */
public final class PinHasher {
  /** At least 128 bits of secret. */
  public static final int MIN_SECRET_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  private PinHasher(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /**
   * A hasher keyed by {@code secret} (at least {@value #MIN_SECRET_BYTES} bytes).
   *
   * @param secret the key; copied
   * @return the hasher
   * @throws ru.sipring.core.BadInputException when the secret is too short
   */
  public static PinHasher ofSecret(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new BadInputException("PIN secret", "must be at least " + MIN_SECRET_BYTES + " bytes, was "
          + secret.length);
    }
    return new PinHasher(Arrays.copyOf(secret, secret.length));
  }

  /**
   * A hasher keyed by the contents of a file (trailing newline ignored), such as {@code /etc/sipring/pin.key}.
   *
   * @param file the key file
   * @return the hasher
   * @throws ru.sipring.core.BadInputException when the file cannot be read or holds too short a key
   */
  public static PinHasher ofSecretFile(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return ofSecret(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read the PIN secret: " + e.getMessage(), e);
    }
  }

  /**
   * HMAC-SHA256 of the PIN's digits.
   *
   * @param pin the PIN as typed
   * @return 32 bytes
   */
  public byte[] hash(String pin) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(pin.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JRE", e);
    }
  }
}
