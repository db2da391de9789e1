package ru.sipring.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recordings directory for the sample data: the first answered call of 2026-03-02 recorded as a generated
 * one-second WAV under {@code 2026/03/02/} the way MixMonitor names it, a "secret" file beside (outside) the
 * directory and a symlink to it inside, named after the second call.
 */
final class RecordingFixture {
  final Path root;
  final String callId;
  final String otherCallId;
  final byte[] wav;

  private RecordingFixture(Path root, String callId, String otherCallId, byte[] wav) {
    this.root = root;
    this.callId = callId;
    this.otherCallId = otherCallId;
    this.wav = wav;
  }

  static RecordingFixture create() {
    try {
      JsonNode answered = new ObjectMapper().readTree(WebTestSupport.cliJson("--from", "2026-03-02", "--to",
          "2026-03-02", "--sections", "answered")).get("answered");
      String first = answered.get(0).get("callId").asText();
      String second = answered.get(1).get("callId").asText();
      Path base = Files.createTempDirectory("sipring-recordings-test");
      Path root = Files.createDirectories(base.resolve("monitor"));
      Path day = Files.createDirectories(root.resolve("2026/03/02"));
      byte[] wav = wav(8000, 1);
      Files.write(day.resolve("q-6000-100-20260302-091500-" + first + ".wav"), wav);
      Path secret = Files.writeString(base.resolve("secret.wav"), "not a recording: a file outside the directory");
      Files.createSymbolicLink(day.resolve("q-6000-100-20260302-091501-" + second + ".wav"), secret);
      return new RecordingFixture(root, first, second, wav);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mono 16-bit PCM WAV of a 440 Hz tone. */
  static byte[] wav(int rate, int seconds) {
    int samples = rate * seconds;
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
        .putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b.array(), 0, b.position());
    return out.toByteArray();
  }
}
