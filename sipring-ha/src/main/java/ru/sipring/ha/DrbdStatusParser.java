package ru.sipring.ha;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.sipring.core.BadInputException;

/**
 * Reads DRBD state in its three printed forms: {@code drbdsetup status --json} (JSON, DRBD 9),
 * {@code drbdadm status} (indented text, DRBD 9) and {@code /proc/drbd} (DRBD 8.4). {@link #parse} picks the
 * form by looking at the text. A line or field it cannot read fails with a {@link BadInputException} naming the
 * line; nothing is guessed. Stateless and thread-safe.
 */
public final class DrbdStatusParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PROC_DEVICE = Pattern.compile(
      "^\\s*(\\d+):\\s+cs:(\\S+)\\s+ro:(\\S+)/(\\S+)\\s+ds:(\\S+)/(\\S+)(.*)$");
  private static final Pattern PROC_UNCONFIGURED = Pattern.compile("^\\s*(\\d+):\\s+cs:Unconfigured\\s*$");
  private static final Pattern PROC_OOS = Pattern.compile("\\boos:(\\d+)");
  private static final Pattern PROC_SYNC = Pattern.compile("sync'ed:\\s*([0-9.]+)%");

  private DrbdStatusParser() {}

  /**
   * Reads a file in any of the three forms.
   *
   * @param file the file name
   * @return the drbd resources
   */
  public static List<DrbdResource> parse(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads text in any of the three forms; {@code source} names it in errors.
   *
   * @param text the text
   * @param source names the input in error messages (a file name, a command)
   * @return the drbd resources
   */
  public static List<DrbdResource> parse(String text, String source) {
    String t = text.stripLeading();
    if (t.isEmpty()) {
      throw new BadInputException(source, "empty DRBD status");
    }
    if (t.startsWith("[") || t.startsWith("{")) {
      return parseJson(text, source);
    }
    if (t.startsWith("version:") || PROC_DEVICE.matcher(t.lines().findFirst().orElse("")).find()) {
      return parseProcDrbd(text, source);
    }
    return parseDrbdadmStatus(text, source);
  }

  /**
   * {@code drbdsetup status --json}.
   *
   * @param json the JSON text
   * @param source names the input in error messages (a file name, a command)
   * @return the drbd resources
   */
  public static List<DrbdResource> parseJson(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? source
          : source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new BadInputException(where, "malformed JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root.isObject()) {
      root = JSON.createArrayNode().add(root);
    }
    if (!root.isArray()) {
      throw new BadInputException(source, "expected a JSON array of DRBD resources");
    }
    List<DrbdResource> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode r = root.get(i);
      String at = source + ":[" + i + "]";
      String name = text(r, "name", at);
      List<DrbdResource.Device> devices = new ArrayList<>();
      for (JsonNode d : r.path("devices")) {
        devices.add(new DrbdResource.Device(d.path("volume").asInt(0), d.path("minor").asInt(-1),
            text(d, "disk-state", at + ".devices"), d.path("client").asBoolean(false),
            !d.has("quorum") || d.path("quorum").asBoolean(true)));
      }
      List<DrbdResource.Connection> conns = new ArrayList<>();
      for (JsonNode c : r.path("connections")) {
        List<DrbdResource.PeerDevice> peers = new ArrayList<>();
        // drbdsetup spells this one key with an underscore; accept the hyphen too
        JsonNode pd = c.has("peer_devices") ? c.get("peer_devices") : c.path("peer-devices");
        for (JsonNode p : pd) {
          peers.add(new DrbdResource.PeerDevice(p.path("volume").asInt(0),
              text(p, "replication-state", at + ".peer_devices"), text(p, "peer-disk-state", at + ".peer_devices"),
              p.path("peer-client").asBoolean(false), p.path("out-of-sync").asLong(-1),
              p.path("percent-in-sync").asDouble(-1)));
        }
        conns.add(new DrbdResource.Connection(c.path("name").asText(""), text(c, "connection-state", at + ".connections"),
            c.path("peer-role").asText("Unknown"), peers));
      }
      out.add(new DrbdResource(name, text(r, "role", at), r.path("suspended").asBoolean(false), devices, conns));
    }
    return out;
  }

  /**
   * {@code drbdadm status}: a resource line ({@code r0 role:Primary}) followed by indented
   * {@code disk:}/{@code volume:N disk:} lines and peer blocks ({@code <peer> role:Secondary},
   * {@code replication:... peer-disk:...}).
   *
   * @param text the text
   * @param source names the input in error messages (a file name, a command)
   * @return the drbd resources
   */
  public static List<DrbdResource> parseDrbdadmStatus(String text, String source) {
    List<DrbdResource> out = new ArrayList<>();
    String name = null;
    Map<String, String> res = new HashMap<>();
    List<DrbdResource.Device> devices = new ArrayList<>();
    List<DrbdResource.Connection> conns = new ArrayList<>();
    String peer = null;
    Map<String, String> peerKv = new HashMap<>();
    List<DrbdResource.PeerDevice> peerDevices = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String at = source + ":" + (i + 1);
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String[] words = line.trim().split("\\s+");
      Map<String, String> kv = new HashMap<>();
      String head = null;
      for (String w : words) {
        int c = w.indexOf(':');
        if (c > 0) {
          kv.put(w.substring(0, c), w.substring(c + 1));
        } else if (head == null) {
          head = w;
        } else {
          throw new BadInputException(at, "unexpected word \"" + w + "\" in drbdadm status line \"" + line.trim() + "\"");
        }
      }
      if (indent == 0) {
        if (name != null) {
          if (peer != null) {
            conns.add(connection(peer, peerKv, peerDevices));
          }
          out.add(new DrbdResource(name, res.getOrDefault("role", "Unknown"), "yes".equals(res.get("suspended"))
              || (res.containsKey("suspended") && !"no".equals(res.get("suspended"))), devices, conns));
        }
        if (head == null) {
          throw new BadInputException(at, "expected a resource line (\"r0 role:Primary\"), got \"" + line.trim() + "\"");
        }
        name = head;
        res = kv;
        devices = new ArrayList<>();
        conns = new ArrayList<>();
        peer = null;
        peerKv = new HashMap<>();
        peerDevices = new ArrayList<>();
      } else if (name == null) {
        throw new BadInputException(at, "indented line before any resource line");
      } else if (head != null) {
        if (peer != null) {
          conns.add(connection(peer, peerKv, peerDevices));
        }
        peer = head;
        peerKv = kv;
        peerDevices = new ArrayList<>();
      } else if (peer == null) {
        if (!kv.containsKey("disk")) {
          throw new BadInputException(at, "expected disk:<state> in \"" + line.trim() + "\"");
        }
        devices.add(new DrbdResource.Device(intOr(kv.get("volume"), 0, at), intOr(kv.get("minor"), -1, at),
            kv.get("disk"), "yes".equals(kv.get("client")), !"no".equals(kv.get("quorum"))));
      } else {
        if (kv.containsKey("replication") || kv.containsKey("peer-disk")) {
          String done = kv.get("done");
          peerDevices.add(new DrbdResource.PeerDevice(intOr(kv.get("volume"), 0, at),
              kv.getOrDefault("replication", "Unknown"), kv.getOrDefault("peer-disk", "DUnknown"),
              "yes".equals(kv.get("peer-client")), -1, done == null ? -1 : parseDouble(done, at)));
        } else {
          peerKv.putAll(kv);
        }
      }
    }
    if (name != null) {
      if (peer != null) {
        conns.add(connection(peer, peerKv, peerDevices));
      }
      out.add(new DrbdResource(name, res.getOrDefault("role", "Unknown"),
          res.containsKey("suspended") && !"no".equals(res.get("suspended")), devices, conns));
    }
    if (out.isEmpty()) {
      throw new BadInputException(source, "no DRBD resource found");
    }
    return out;
  }

  private static DrbdResource.Connection connection(String peer, Map<String, String> kv,
      List<DrbdResource.PeerDevice> devices) {
    // drbdadm omits connection: when Connected
    return new DrbdResource.Connection(peer, kv.getOrDefault("connection", "Connected"),
        kv.getOrDefault("role", "Unknown"), devices);
  }

  /**
   * {@code /proc/drbd} of DRBD 8.4: one block per minor.
   *
   * @param text the text
   * @param source names the input in error messages (a file name, a command)
   * @return the drbd resources
   */
  public static List<DrbdResource> parseProcDrbd(String text, String source) {
    List<DrbdResource> out = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    int current = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String at = source + ":" + (i + 1);
      if (line.isBlank() || line.startsWith("version:") || line.startsWith("srcversion:")
          || line.startsWith("GIT-hash:")) {
        continue;
      }
      Matcher m = PROC_DEVICE.matcher(line);
      if (m.find()) {
        String minor = m.group(1);
        DrbdResource.PeerDevice pd = new DrbdResource.PeerDevice(0, m.group(2), m.group(6), false, -1, -1);
        out.add(new DrbdResource("drbd" + minor, m.group(3), m.group(7).contains(" s"),
            List.of(new DrbdResource.Device(0, Integer.parseInt(minor), m.group(5), false, true)),
            List.of(new DrbdResource.Connection("", connectionOf84(m.group(2)), m.group(4), List.of(pd)))));
        current = out.size() - 1;
        continue;
      }
      if (PROC_UNCONFIGURED.matcher(line).find()) {
        current = -1;
        continue;
      }
      if (current < 0) {
        throw new BadInputException(at, "expected a device line (\" 1: cs:Connected ro:... ds:...\"), got \""
            + line.trim() + "\"");
      }
      Matcher oos = PROC_OOS.matcher(line);
      Matcher sync = PROC_SYNC.matcher(line);
      if (oos.find() || sync.find()) {
        DrbdResource r = out.get(current);
        DrbdResource.Connection c = r.connections().get(0);
        DrbdResource.PeerDevice p = c.peerDevices().get(0);
        long o = PROC_OOS.matcher(line).find() ? Long.parseLong(oos.group(1)) : p.outOfSyncKib();
        double pct = PROC_SYNC.matcher(line).find() ? parseDouble(sync.group(1), at) : p.percentInSync();
        DrbdResource.PeerDevice np = new DrbdResource.PeerDevice(0, p.replicationState(), p.peerDiskState(), false, o, pct);
        out.set(current, new DrbdResource(r.name(), r.role(), r.suspended(), r.devices(),
            List.of(new DrbdResource.Connection(c.peerName(), c.connectionState(), c.peerRole(), List.of(np)))));
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException(source, "no DRBD device found in /proc/drbd (DRBD 9 prints only its version "
          + "there; use drbdsetup status --json)");
    }
    return out;
  }

  /** In 8.4 {@code cs:} mixes connection and replication states; a sync means the link is up. */
  private static String connectionOf84(String cs) {
    return switch (cs) {
      case "Connected", "StandAlone", "Disconnecting", "Unconnected", "Timeout", "BrokenPipe", "NetworkFailure",
          "ProtocolError", "TearDown", "WFConnection", "WFReportParams" -> cs;
      default -> "Connected";
    };
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.get(field);
    if (v == null || !v.isValueNode()) {
      throw new BadInputException(at + "." + field, "missing in drbdsetup JSON");
    }
    return v.asText();
  }

  private static int intOr(@Nullable String v, int dflt, String at) {
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new BadInputException(at, "not a number: \"" + v + "\"", e);
    }
  }

  private static double parseDouble(String v, String at) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new BadInputException(at, "not a number: \"" + v + "\"", e);
    }
  }
}
