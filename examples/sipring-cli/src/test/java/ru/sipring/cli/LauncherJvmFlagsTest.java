package ru.sipring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM flags {@code bin/sipring} picks per command (docs/performance/campaign.md): the script runs in a copy of
 * the repository layout holding only a placeholder jar (so it builds nothing), with a {@code java} on the PATH that
 * prints the arguments it was given instead of starting a JVM.
 */
class LauncherJvmFlagsTest {
  @TempDir Path root;

  @BeforeEach
  void layout() throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(repository().resolve("bin/sipring"), bin.resolve("sipring"));
    Path target = Files.createDirectories(root.resolve("examples/sipring-cli/target"));
    Files.writeString(target.resolve("sipring-cli-0-all.jar"), "placeholder");
    Path stubs = Files.createDirectories(root.resolve("stubs"));
    Path java = stubs.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aReportRunsWithTheSerialCollectorAndC1Alone() throws Exception {
    List<String> flags = jvmFlags("report", "--queue-log", "x", "--format", "json");
    assertThat(flags).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData")
        .doesNotContain("-XX:TieredStopAtLevel=4", "-XX:+UseParallelGC");
    assertThat(flags).filteredOn(f -> f.startsWith("-Xmn")).isEmpty();
  }

  @Test
  void aSmallImportKeepsTheFlagsOfAReport() throws Exception {
    Path small = Files.writeString(root.resolve("small.csv"), "ФИО;Телефон\nИван;89161234567\n");
    List<String> flags = jvmFlags("campaign", "import", "--assignment", "P/T/A", "--file", small.toString());
    assertThat(flags).doesNotContain("-XX:TieredStopAtLevel=4", "-XX:+UseParallelGC");
  }

  @Test
  void aBigImportGetsC2AndTheParallelCollectorWithAYoungGenerationSizedByMemory() throws Exception {
    Path big = sparseFile("big.csv", 16_000_000);
    for (List<String> args : List.of(List.of("campaign", "import", "--file", big.toString(), "--assignment", "P/T/A"),
        List.of("campaign", "import", "--assignment", "P/T/A", "--file=" + big))) {
      List<String> flags = jvmFlags(args.toArray(String[]::new));
      // the later flag wins: C2 and the parallel collector come after the defaults they replace
      assertThat(flags.lastIndexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(flags.indexOf("-XX:TieredStopAtLevel=1"));
      assertThat(flags).containsSubsequence("-XX:+UseSerialGC", "-XX:-UseSerialGC", "-XX:+UseParallelGC");
      long memKb = memTotalKb();
      String young = memKb >= 8_000_000 ? "-Xmn1g" : memKb >= 4_000_000 ? "-Xmn512m" : null;
      if (young != null) {
        assertThat(flags).contains(young);
      } else {
        assertThat(flags).filteredOn(f -> f.startsWith("-Xmn")).isEmpty();
      }
      assertThat(flags.subList(flags.indexOf("-jar"), flags.size())).containsSequence(args);
    }
  }

  @Test
  void theDialerGetsC2ButKeepsTheSerialCollector() throws Exception {
    List<String> flags = jvmFlags("campaign", "dial", "--assignment", "P/T/A");
    assertThat(flags).contains("-XX:TieredStopAtLevel=4").doesNotContain("-XX:+UseParallelGC");
  }

  @Test
  void theUsersOptionsComeLastSoTheyWin() throws Exception {
    Path big = sparseFile("big.csv", 20_000_000);
    List<String> flags = jvmFlags(List.of("SIPRING_JAVA_OPTS=-XX:-UseParallelGC -XX:+UseSerialGC"),
        "campaign", "import", "--assignment", "P/T/A", "--file", big.toString());
    assertThat(flags).containsSubsequence("-XX:+UseParallelGC", "-XX:-UseParallelGC", "-XX:+UseSerialGC", "-jar");
  }

  @Test
  void aFileThatCannotBeReadCountsAsSmallAndTheCommandReportsIt() throws Exception {
    List<String> flags = jvmFlags("campaign", "import", "--assignment", "P/T/A", "--file",
        root.resolve("missing; rm -rf /").toString());
    assertThat(flags).doesNotContain("-XX:+UseParallelGC").contains(root.resolve("missing; rm -rf /").toString());
  }

  private Path sparseFile(String name, long size) throws IOException {
    Path f = root.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(size);
    }
    return f;
  }

  private List<String> jvmFlags(String... args) throws Exception {
    return jvmFlags(List.of(), args);
  }

  private List<String> jvmFlags(List<String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("bin/sipring").toString()));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PATH", root.resolve("stubs") + ":" + System.getenv("PATH"));
    pb.environment().put("SIPRING_CDS", "0");
    pb.environment().remove("SIPRING_JAVA_OPTS");
    for (String e : env) {
      int eq = e.indexOf('=');
      pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return List.of(out.split("\n"));
  }

  private static long memTotalKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static Path repository() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("bin/sipring")) && Files.isRegularFile(p.resolve("mvnw"))) {
        return p;
      }
    }
    throw new IllegalStateException("bin/sipring not found above " + Path.of("").toAbsolutePath());
  }
}
