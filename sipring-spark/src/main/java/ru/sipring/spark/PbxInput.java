package ru.sipring.spark;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import ru.sipring.core.BadInputException;
import ru.sipring.core.queuelog.QueueLogInput;

/**
 * One PBX's queue_log files, opened inside a task. A local path (no scheme, or {@code file:}) is read by the core
 * exactly as {@code sipring report --queue-log} reads it, so input names are the same; any other Hadoop file
 * system (hdfs:, s3a:, …) is listed and opened through the Hadoop {@link FileSystem} API, and its files are
 * ordered the way the core orders local ones: by the time of their first valid line (DESIGN.md, rotation).
 * Not thread-safe; one per task.
 */
final class PbxInput implements Closeable {
  private final List<InputStream> open = new ArrayList<>();
  final QueueLogInput input;

  private PbxInput(QueueLogInput input, List<InputStream> streams) {
    this.input = input;
    this.open.addAll(streams);
  }

  static PbxInput open(String location, Configuration conf) {
    URI uri = URI.create(location.replace(" ", "%20"));
    String scheme = uri.getScheme();
    if (scheme == null || scheme.equals("file")) {
      java.nio.file.Path p = scheme == null ? java.nio.file.Path.of(location) : java.nio.file.Path.of(uri);
      return new PbxInput(QueueLogInput.paths(List.of(p)), List.of());
    }
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new BadInputException(location, "no such file or directory");
      }
      List<FileStatus> files = new ArrayList<>();
      if (fs.getFileStatus(root).isDirectory()) {
        for (FileStatus s : fs.listStatus(root)) {
          if (s.isFile() && s.getPath().getName().startsWith("queue_log")) {
            files.add(s);
          }
        }
      } else {
        files.add(fs.getFileStatus(root));
      }
      record Dated(FileStatus file, long firstEpoch) {}
      List<Dated> dated = new ArrayList<>();
      for (FileStatus f : files) {
        dated.add(new Dated(f, firstEpoch(fs, f.getPath())));
      }
      dated.sort(Comparator.comparingLong(Dated::firstEpoch).thenComparing(d -> d.file().getPath().toString()));
      List<InputStream> streams = new ArrayList<>();
      List<QueueLogInput> parts = new ArrayList<>();
      try {
        for (Dated d : dated) {
          InputStream s = fs.open(d.file().getPath());
          streams.add(s);
          parts.add(QueueLogInput.stream(d.file().getPath().toString(), s));
        }
      } catch (IOException e) {
        new PbxInput(QueueLogInput.of(), streams).close();
        throw e;
      }
      return new PbxInput(parts.isEmpty() ? QueueLogInput.stream(location, new ByteArrayInputStream(new byte[0]))
          : QueueLogInput.of(parts.toArray(QueueLogInput[]::new)), streams);
    } catch (IOException e) {
      throw new BadInputException(location, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The epoch of the first line that starts with digits and a '|', or Long.MAX_VALUE (such files go last). */
  private static long firstEpoch(FileSystem fs, Path p) throws IOException {
    try (InputStream raw = new BufferedInputStream(fs.open(p))) {
      raw.mark(2);
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
      byte[] line = new byte[4096];
      for (int lines = 0; lines < 1000; lines++) {
        int n = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
          if (n < line.length) {
            line[n++] = (byte) c;
          }
        }
        String s = new String(line, 0, n, StandardCharsets.ISO_8859_1);
        int bar = s.indexOf('|');
        if (bar > 0 && bar <= 18 && s.substring(0, bar).chars().allMatch(Character::isDigit)) {
          return Long.parseLong(s.substring(0, bar));
        }
        if (c < 0) {
          break;
        }
      }
      return Long.MAX_VALUE;
    }
  }

  @Override
  public void close() {
    IOException first = null;
    for (InputStream s : open) {
      try {
        s.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new UncheckedIOException(first);
    }
  }
}
