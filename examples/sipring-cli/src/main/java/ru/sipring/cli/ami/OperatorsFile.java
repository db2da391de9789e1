package ru.sipring.cli.ami;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import ru.sipring.cdr.PinHasher;
import ru.sipring.core.BadInputException;
import ru.sipring.core.directory.Operator;
import ru.sipring.core.directory.OperatorAuthenticator;
import ru.sipring.core.text.ProtocolText;
import ru.sipring.core.text.TerminalText;

/**
 * The {@code agi-server --operators} file, format 2: a properties file with one operator a line,
 * {@code hmac-sha256.<hex> = <number>;<name>}, where the hex is the same keyed hash the database registry stores
 * ({@link PinHasher}: HMAC-SHA256 of the PIN with the server's PIN secret). Without the secret the file reveals
 * no PIN. Format 1 (a bare unsalted SHA-256 of the PIN as the key) is refused with a message saying how to
 * re-create the line: a 4–8 digit PIN is found from its SHA-256 in under a second. Stateless.
 */
final class OperatorsFile {
  static final String PREFIX = "hmac-sha256.";

  private OperatorsFile() {}

  /** The line for a PIN, as {@code --hash-pin} prints it. */
  static String line(PinHasher pins, String pin, String number, String name) {
    return PREFIX + HexFormat.of().formatHex(pins.hash(pin)) + " = " + number + ";" + name;
  }

  /** Reads the hashed PINs; never holds a PIN in clear. */
  static OperatorAuthenticator load(Path file, PinHasher pins) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    Map<String, Operator> byHash = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      String v = p.getProperty(key);
      String where = file + ": " + TerminalText.escape(key.substring(0, Math.min(20, key.length()))) + "...";
      if (key.matches("[0-9a-fA-F]{64}")) {
        throw new BadInputException(where, "an unsalted SHA-256 of a PIN (format 1), which is reversed in under a "
            + "second; re-create the line with: sipring agi-server --hash-pin --pin-secret-file FILE");
      }
      int semi = v.indexOf(';');
      if (!key.startsWith(PREFIX) || !key.substring(PREFIX.length()).matches("[0-9a-fA-F]{64}") || semi <= 0) {
        throw new BadInputException(where, "expected " + PREFIX + "<64 hex digits> = <number>;<name>");
      }
      String number = ProtocolText.requireHeaderSafe(where + ":number", v.substring(0, semi).trim());
      // the name is sent to Asterisk as the member name: a CR/LF in it would start another AMI action
      String name = ProtocolText.requireHeaderSafe(where + ":name", v.substring(semi + 1).trim());
      byHash.put(key.substring(PREFIX.length()).toLowerCase(Locale.ROOT), new Operator(number, name));
    }
    return pin -> Optional.ofNullable(byHash.get(HexFormat.of().formatHex(pins.hash(pin))));
  }
}
