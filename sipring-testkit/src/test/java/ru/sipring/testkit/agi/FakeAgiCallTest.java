package ru.sipring.testkit.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What FakeAgiCall sends and answers, compared with the FastAGI transcripts in the shared corpus. */
class FakeAgiCallTest {

  static Path corpus() {
    String p = System.getProperty("sipring.corpus");
    return p != null && Files.isDirectory(Path.of(p)) ? Path.of(p) : Path.of("/work/shared/corpus");
  }

  private record Seen(List<String> header, byte[] raw, List<String> replies) {}

  /** A minimal AGI script server: reads the header, sends the commands, collects the replies. */
  private static Seen serve(ServerSocket server, List<String> commands) throws IOException {
    try (Socket s = server.accept()) {
      InputStream in = s.getInputStream();
      java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
      int b;
      int newlines = 0;
      while ((b = in.read()) != -1) {
        raw.write(b);
        newlines = b == '\n' ? newlines + 1 : 0;
        if (newlines == 2) {
          break;
        }
      }
      List<String> header = new ArrayList<>(List.of(raw.toString(StandardCharsets.UTF_8).split("\n")));
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      OutputStream out = s.getOutputStream();
      List<String> replies = new ArrayList<>();
      for (String c : commands) {
        out.write((c + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = r.readLine();
        while (line != null && line.equals("HANGUP")) {
          replies.add(line);
          line = r.readLine();
        }
        replies.add(line);
      }
      return new Seen(header, raw.toByteArray(), replies);
    }
  }

  @Test
  void headerHasTheKeysAndOrderOfRealAsteriskWithLfLineEnds() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<FakeAgiCall.Transcript> call = CompletableFuture.supplyAsync(() ->
          FakeAgiCall.dialling("127.0.0.1", server.getLocalPort(), "agent-login", "PJSIP/501-0000001a", "501",
              "*45100").withArgs("100").run());
      Seen seen = serve(server, List.of());
      call.get(10, TimeUnit.SECONDS);
      assertThat(new String(seen.raw(), StandardCharsets.UTF_8)).doesNotContain("\r");
      List<String> keys = seen.header().stream().filter(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf(':')))
          .toList();

      List<String> asteriskJava = Files.readAllLines(corpus().resolve(
          "agi/asterisk-java/NlStreamReaderFast273316816601633219.txt")).stream()
          .takeWhile(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf(':'))).toList();
      assertThat(keys).containsSubsequence(asteriskJava);

      List<String> wazo = Files.readAllLines(corpus().resolve(
          "agi/wazo-doc-excerpt/asterisk-22.2.0_fastagi_debug_excerpt.log")).stream()
          .filter(l -> l.contains("AGI Tx >> agi_")).map(l -> l.substring(l.indexOf("AGI Tx >> ") + 10))
          .map(l -> l.substring(0, l.indexOf(':'))).toList();
      assertThat(keys).containsExactlyElementsOf(wazo); // Asterisk 22.2: same keys, same order, one arg
    }
  }

  @Test
  void repliesAsResAgiDoesIncludingHangUpDuringGetData() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      CompletableFuture<FakeAgiCall.Transcript> call = CompletableFuture.supplyAsync(() ->
          FakeAgiCall.dialling("127.0.0.1", server.getLocalPort(), "x", "PJSIP/501-1", "501", "*45100")
              .keying("1234", "").hangingUpAtPrompt(3).run());
      Seen seen = serve(server, List.of("ANSWER", "GET DATA \"agent-pass\" 5000 8", "GET DATA \"agent-incorrect\" 5000 8",
          "GET DATA \"agent-incorrect\" 5000 8", "STREAM FILE \"vm-goodbye\" \"\""));
      FakeAgiCall.Transcript t = call.get(10, TimeUnit.SECONDS);
      assertThat(seen.replies()).containsExactly("200 result=0", "200 result=1234", "200 result= (timeout)",
          "HANGUP", "200 result=-1", "511 Command Not Permitted on a dead channel or intercept routine");
      assertThat(t.hungUp()).isTrue();
      assertThat(t.prompts()).containsExactly("agent-pass", "agent-incorrect", "agent-incorrect", "vm-goodbye");
    }
  }
}
