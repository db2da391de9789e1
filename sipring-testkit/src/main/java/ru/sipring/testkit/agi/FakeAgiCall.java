package ru.sipring.testkit.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Plays Asterisk's side of one FastAGI session, the way {@code res_agi.c} does: connects to the AGI server,
 * sends the {@code agi_*} environment (LF line ends, as in the asterisk-java and Asterisk 22 transcripts), then
 * answers each command. {@code GET DATA} is answered from a list of DTMF entries (one per prompt; an empty entry
 * is a timeout without digits), and the channel can hang up at a given {@code GET DATA} (Asterisk then writes
 * {@code HANGUP} inline, answers {@code 200 result=-1} and refuses later commands with {@code 511}).
 *
 * <p>Not thread-safe: one instance plays one call, on the thread that calls {@link #run()}.
 */
public final class FakeAgiCall {

  /** What happened on the call: commands received, replies sent, and whether the channel was hung up (by the caller or by a HANGUP command). */
  public record Transcript(List<String> commands, List<String> replies, boolean hungUp) {
    /**
     * The files the script played or prompted with, in order.
     *
     * @return the file names, in the order they were played
     */
    public List<String> prompts() {
      List<String> out = new ArrayList<>();
      for (String c : commands) {
        String u = c.toUpperCase(Locale.ROOT);
        if (u.startsWith("STREAM FILE") || u.startsWith("GET DATA")) {
          List<String> args = FakeAgiCall.split(c);
          out.add(args.get(2));
        }
      }
      return out;
    }
  }

  private final String host;
  private final int port;
  private final String script;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private final Deque<String> dtmf = new ArrayDeque<>();
  private int hangupAtGetData = -1;
  private Duration readTimeout = Duration.ofSeconds(30);

  private FakeAgiCall(String host, int port, String script) {
    this.host = host;
    this.port = port;
    this.script = script;
  }

  /**
   * A call from {@code channel} (such as {@code PJSIP/501-0000001a}) with caller number {@code callerId},
   * dialling {@code extension} (such as {@code *45100}) in {@code from-internal}, to script {@code script}.
   *
   * @param host the FastAGI server's address
   * @param port the FastAGI server's port
   * @param script the script path in the {@code agi://} URL
   * @param channel the calling channel
   * @param callerId the caller's number
   * @param extension the dialled extension
   * @return the call, not yet played
   */
  public static FakeAgiCall dialling(String host, int port, String script, String channel, String callerId,
      String extension) {
    FakeAgiCall c = new FakeAgiCall(host, port, script);
    String type = channel.contains("/") ? channel.substring(0, channel.indexOf('/')) : channel;
    c.env.put("agi_network", "yes");
    c.env.put("agi_network_script", script);
    c.env.put("agi_request", "agi://" + host + ":" + port + "/" + script);
    c.env.put("agi_channel", channel);
    c.env.put("agi_language", "ru");
    c.env.put("agi_type", type);
    c.env.put("agi_uniqueid", "1746044688." + Math.abs(channel.hashCode() % 1000));
    c.env.put("agi_version", "22.2.0");
    c.env.put("agi_callerid", callerId);
    c.env.put("agi_calleridname", "unknown");
    c.env.put("agi_callingpres", "0");
    c.env.put("agi_callingani2", "0");
    c.env.put("agi_callington", "0");
    c.env.put("agi_callingtns", "0");
    c.env.put("agi_dnid", extension);
    c.env.put("agi_rdnis", "unknown");
    c.env.put("agi_context", "from-internal");
    c.env.put("agi_extension", extension);
    c.env.put("agi_priority", "3");
    c.env.put("agi_enhanced", "0.0");
    c.env.put("agi_accountcode", "");
    c.env.put("agi_threadid", "140202580211456");
    return c;
  }

  /**
   * Dialplan arguments, sent as {@code agi_arg_1..n}.
   *
   * @param values the arguments, in order
   * @return this call
   */
  public FakeAgiCall withArgs(String... values) {
    args.addAll(List.of(values));
    return this;
  }

  /**
   * What the caller keys at each successive GET DATA prompt ("" = lets it time out).
   *
   * @param entries one entry per prompt, digits or ""
   * @return this call
   */
  public FakeAgiCall keying(String... entries) {
    dtmf.addAll(List.of(entries));
    return this;
  }

  /**
   * The caller hangs up during the n-th GET DATA (1-based).
   *
   * @param n the prompt number, 1 for the first
   * @return this call
   */
  public FakeAgiCall hangingUpAtPrompt(int n) {
    this.hangupAtGetData = n;
    return this;
  }

  /**
   * How long to wait for each server reply before failing (default a few seconds).
   *
   * @param d the read timeout
   * @return this call
   */
  public FakeAgiCall withReadTimeout(Duration d) {
    this.readTimeout = Objects.requireNonNull(d);
    return this;
  }

  /**
   * Plays the call until the server closes the session; throws when the server goes silent.
   *
   * @return the transcript of the call
   * @throws AssertionError when the server sends nothing within the read timeout
   * @throws java.io.UncheckedIOException when the server cannot be reached
   */
  public Transcript run() {
    List<String> commands = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    boolean hungUp = false;
    int getDataSeen = 0;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000); // res_agi's MAX_AGI_CONNECT
      s.setSoTimeout((int) readTimeout.toMillis());
      Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder header = new StringBuilder();
      env.forEach((k, v) -> header.append(k).append(": ").append(v).append('\n'));
      for (int i = 0; i < args.size(); i++) {
        header.append("agi_arg_").append(i + 1).append(": ").append(args.get(i)).append('\n');
      }
      header.append('\n');
      out.write(header.toString());
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        commands.add(line);
        String reply;
        String verb = line.trim().toUpperCase(Locale.ROOT);
        if (hungUp) {
          reply = "511 Command Not Permitted on a dead channel or intercept routine";
        } else if (verb.startsWith("GET DATA")) {
          getDataSeen++;
          if (getDataSeen == hangupAtGetData) {
            hungUp = true;
            out.write("HANGUP\n");
            reply = "200 result=-1";
          } else {
            String digits = dtmf.isEmpty() ? "" : dtmf.poll();
            reply = digits.isEmpty() ? "200 result= (timeout)" : "200 result=" + digits;
          }
        } else if (verb.startsWith("STREAM FILE")) {
          reply = "200 result=0 endpos=16000";
        } else if (verb.startsWith("ANSWER")) {
          reply = "200 result=0";
        } else if (verb.startsWith("HANGUP")) {
          reply = "200 result=1";
          hungUp = true;
        } else if (verb.startsWith("SET VARIABLE") || verb.startsWith("VERBOSE")) {
          reply = "200 result=1";
        } else if (verb.startsWith("GET VARIABLE") || verb.startsWith("GET FULL VARIABLE")) {
          reply = "200 result=0";
        } else if (verb.startsWith("EXEC")) {
          reply = "200 result=0";
        } else {
          reply = "510 Invalid or unknown command";
        }
        replies.add(reply);
        out.write(reply + "\n");
        out.flush();
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the AGI server went silent after " + commands, e);
    } catch (IOException e) {
      if (commands.isEmpty()) {
        throw new UncheckedIOException("cannot talk to the AGI server at " + host + ":" + port, e);
      }
      // the server closed the socket while we wrote: the session is over
    }
    return new Transcript(List.copyOf(commands), List.copyOf(replies), hungUp);
  }

  /** Splits an AGI command line into words, honouring double quotes. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ' ' && !quoted) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      } else {
        cur.append(ch);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }
}
