package ru.sipring.cli.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.sipring.cdr.PinHasher;
import ru.sipring.cli.SipRingCli;
import ru.sipring.core.BadInputException;
import ru.sipring.core.directory.Operator;

/** {@code agi-server --operators} format 2: keyed PIN hashes, PINs from a prompt or stdin, names without controls. */
class OperatorsFileTest {
  private static final String SECRET = "operators-file-test-secret-0123456789";

  private record Run(int exit, String out, String err) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    InputStream realIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int exit = SipRingCli.commandLine().execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
      System.setIn(realIn);
    }
  }

  @Test
  void hashPinReadsThePinFromStdinAndPrintsAKeyedLineThatTheServerAccepts(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("pin.secret"), SECRET + "\n");
    Run r = run("73915\n", "agi-server", "--hash-pin", "--pin-secret-file", secret.toString());
    assertThat(r.exit()).isZero();
    String line = r.out().lines().filter(l -> l.contains("hmac-sha256.")).findFirst().orElseThrow();
    String expected = HexFormat.of().formatHex(PinHasher.ofSecret(SECRET.getBytes(StandardCharsets.UTF_8))
        .hash("73915"));
    assertThat(line).endsWith("hmac-sha256." + expected + " = <number>;<name>").doesNotContain("73915");
    assertThat(r.out()).doesNotContain(sha256("73915")); // not the old, reversible form

    Path file = Files.writeString(dir.resolve("operators.properties"),
        line.substring(line.indexOf("hmac-sha256.")).replace("<number>;<name>", "501;Петрова ЛВ") + "\n",
        StandardCharsets.UTF_8);
    var auth = OperatorsFile.load(file, PinHasher.ofSecret(SECRET.getBytes(StandardCharsets.UTF_8)));
    assertThat(auth.authenticate("73915")).contains(new Operator("501", "Петрова ЛВ"));
    assertThat(auth.authenticate("73916")).isEmpty();
    // another server secret: the file is useless without the right key
    assertThat(OperatorsFile.load(file, PinHasher.ofSecret("another-secret-0123456789".getBytes(StandardCharsets.UTF_8)))
        .authenticate("73915")).isEmpty();
  }

  @Test
  void hashPinRefusesWeakPinsInOneLine(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("pin.secret"), SECRET + "\n");
    for (String weak : new String[] {"1234", "1111", "739"}) {
      Run r = run(weak + "\n", "agi-server", "--hash-pin", "--pin-secret-file", secret.toString());
      assertThat(r.exit()).as(weak).isEqualTo(2);
      assertThat(r.err().lines().toList()).as(weak).singleElement().asString().startsWith("pin: ");
    }
  }

  @Test
  void theOldUnsaltedFormatAndControlCharactersInNamesAreRefused(@TempDir Path dir) throws Exception {
    PinHasher pins = PinHasher.ofSecret(SECRET.getBytes(StandardCharsets.UTF_8));
    Path old = Files.writeString(dir.resolve("old.properties"), sha256("7391") + " = 501;Петрова\n");
    assertThatThrownBy(() -> OperatorsFile.load(old, pins)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("unsalted SHA-256").hasMessageContaining("--hash-pin");
    String hmac = HexFormat.of().formatHex(pins.hash("7391"));
    Path evil = Files.writeString(dir.resolve("evil.properties"),
        "hmac-sha256." + hmac + " = 501;Петрова\\r\\nAction: Originate\\r\\nApplication: System\n");
    assertThatThrownBy(() -> OperatorsFile.load(evil, pins)).isInstanceOf(BadInputException.class)
        .hasMessageContaining(":name: contains the control character \\r");
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
