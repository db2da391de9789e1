package ru.sipring.cli.fax;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import ru.sipring.core.BadInputException;
import ru.sipring.fax.FaxLine;
import ru.sipring.fax.FaxLineStore;
import ru.sipring.fax.FaxUser;
import ru.sipring.fax.FaxUserStore;
import ru.sipring.fax.SmtpSettings;

/**
 * The JSON file {@code fax dispatch --config} reads: SMTP settings, the zone dates are shown in, lines,
 * categories and users with rights (see docs/fax.md). Errors name the file and the JSON path.
 */
final class FaxConfig {
  final SmtpSettings smtp;
  final ZoneId zone;
  private final JsonNode root;
  private final String file;

  private FaxConfig(String file, JsonNode root) {
    this.file = file;
    this.root = root;
    JsonNode s = need(root, "smtp", "smtp");
    this.smtp = new SmtpSettings(text(s, "host", "smtp.host"), s.path("port").asInt(25),
        text(s, "from", "smtp.from"), optionalText(s, "user"), optionalText(s, "password"),
        s.path("startTls").asBoolean(false));
    String z = root.path("zone").asText("UTC");
    try {
      this.zone = ZoneId.of(z);
    } catch (RuntimeException e) {
      throw new BadInputException(file + ":zone", "'" + z + "' is not a time zone", e);
    }
  }

  static FaxConfig load(Path path) {
    try {
      return new FaxConfig(path.toString(), new ObjectMapper().readTree(Files.readString(path)));
    } catch (NoSuchFileException e) {
      throw new BadInputException(path.toString(), "config file does not exist", e);
    } catch (IOException e) {
      throw new BadInputException(path.toString(), "not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Copies lines, categories and users into the stores (replacing same-named entries). */
  void loadInto(FaxLineStore lines, FaxUserStore users) {
    int i = 0;
    for (JsonNode l : root.path("lines")) {
      String at = "lines[" + i++ + "]";
      lines.save(new FaxLine(text(l, "device", at + ".device"), l.path("name").asText(""),
          l.hasNonNull("category") ? l.get("category").asText() : null));
    }
    for (JsonNode c : root.path("categories")) {
      lines.addCategory(c.asText());
    }
    i = 0;
    for (JsonNode u : root.path("users")) {
      String at = "users[" + i++ + "]";
      users.save(new FaxUser(text(u, "login", at + ".login"), u.path("name").asText(""),
          u.path("email").asText(""), u.path("admin").asBoolean(false), u.path("privileged").asBoolean(false),
          u.path("canDelete").asBoolean(false), u.path("anyModem").asBoolean(false), set(u.path("modems")),
          set(u.path("categories"))));
    }
  }

  private static Set<String> set(JsonNode arr) {
    Set<String> s = new LinkedHashSet<>();
    arr.forEach(n -> s.add(n.asText()));
    return s;
  }

  private JsonNode need(JsonNode n, String field, String at) {
    if (!n.hasNonNull(field)) {
      throw new BadInputException(file + ":" + at, "missing");
    }
    return n.get(field);
  }

  private String text(JsonNode n, String field, String at) {
    String v = optionalText(n, field);
    if (v == null) {
      throw new BadInputException(file + ":" + at, "missing");
    }
    return v;
  }

  /** The field's text, or null when it is absent, null or empty. */
  private static @Nullable String optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
