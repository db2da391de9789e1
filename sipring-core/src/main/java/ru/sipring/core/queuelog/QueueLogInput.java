package ru.sipring.core.queuelog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import ru.sipring.core.BadInputException;

/**
 * What to read: queue_log files, directories of them, a stream (stdin) or a {@link QueueLogSource} (the
 * realtime table), or several of these one after another. Calls that span two parts (a rotated file and the
 * current one) are followed across.
 *
 * <p>Files given to one {@link #paths} call (and the {@code queue_log*} files found in directories given to
 * it) are read oldest first: ordered by the time of their first valid line, which works for every rotation
 * scheme (Asterisk's {@code sequential}/{@code rotate}/{@code timestamp} strategies and logrotate's numbered or
 * dated names) without guessing from names. {@code .gz} files (and gzip streams) are decompressed transparently.
 *
 * <p>Immutable and thread-safe as a description; a {@link #stream} input can be read once only.
 */
public final class QueueLogInput {

  private sealed interface Part permits Files_, Stream_, Source_ {}

  private record Files_(List<Path> paths) implements Part {}

  private record Stream_(String name, InputStream in) implements Part {}

  private record Source_(QueueLogSource source) implements Part {}

  private final List<Part> parts;

  private QueueLogInput(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * Files and directories. A directory contributes every regular file whose name starts with
   * {@code queue_log} (rotated and {@code .gz} ones too).
   *
   * @param paths files and directories, read in this order
   * @return the input
   * @throws BadInputException when a path does not exist
   */
  public static QueueLogInput paths(List<Path> paths) {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new BadInputException(p.toString(), "no such file or directory");
      }
    }
    return new QueueLogInput(List.of(new Files_(List.copyOf(paths))));
  }

  /**
   * Files and directories, as {@link #paths(List)}.
   *
   * @param paths files and directories, read in this order
   * @return the input
   * @throws BadInputException when a path does not exist
   */
  public static QueueLogInput path(Path... paths) {
    return paths(List.of(paths));
  }

  /**
   * A stream such as stdin, read once, gzip detected by its magic bytes. Not closed by reading.
   *
   * @param name the name problems and progress show, such as {@code stdin}
   * @param in the bytes, plain or gzip
   * @return the input
   */
  public static QueueLogInput stream(String name, InputStream in) {
    return new QueueLogInput(List.of(new Stream_(Objects.requireNonNull(name), Objects.requireNonNull(in))));
  }

  /**
   * A non-file source, such as the database adapter's realtime {@code queue_log} table.
   *
   * @param source the source; it is read when the input is
   * @return the input
   */
  public static QueueLogInput source(QueueLogSource source) {
    return new QueueLogInput(List.of(new Source_(Objects.requireNonNull(source))));
  }

  /**
   * Several inputs read one after another, in the given order.
   *
   * @param inputs the inputs, in reading order
   * @return one input reading them all
   */
  public static QueueLogInput of(QueueLogInput... inputs) {
    List<Part> all = new ArrayList<>();
    for (QueueLogInput in : inputs) {
      all.addAll(in.parts);
    }
    return new QueueLogInput(all);
  }

  /**
   * This input, then {@code next}.
   *
   * @param next the input read after this one
   * @return a new input; this one is unchanged
   */
  public QueueLogInput and(QueueLogInput next) {
    return of(this, next);
  }

  /**
   * Total size in bytes of the files, or -1 when it is not known in advance: a stream or source part, or a
   * gzip file (progress counts decompressed bytes).
   *
   * @return the total size in bytes, or -1 when unknown
   * @throws BadInputException when a directory cannot be listed
   */
  public long sizeBytes() {
    long total = 0;
    for (Part p : parts) {
      if (!(p instanceof Files_ f)) {
        return -1;
      }
      for (Path file : expand(f.paths())) {
        try (InputStream in = Files.newInputStream(file)) {
          if (in.read() == 0x1f && in.read() == 0x8b) {
            return -1;
          }
          total += Files.size(file);
        } catch (IOException e) {
          return -1;
        }
      }
    }
    return total;
  }

  /**
   * {@link #sizeBytes()} that never throws: -1 when a size cannot be read.
   *
   * @return the total size in bytes, or -1
   */
  public long sizeBytesOrUnknown() {
    try {
      return sizeBytes();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * The files this input will read, in reading order (directories expanded); streams and sources not included.
   *
   * @return the files, in reading order
   * @throws BadInputException when a directory cannot be listed
   */
  public List<Path> files() {
    List<Path> out = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Files_ f) {
        out.addAll(expand(f.paths()));
      }
    }
    return out;
  }

  /**
   * Reads every part in order into {@code sink}, on the calling thread. Bad lines go to {@link
   * QueueLogSink#problem} and reading goes on. So does a file that cannot be opened or read to its end (a
   * truncated or corrupt {@code .gz}, no permission): it is a problem naming the file and the reason, the
   * lines read before the fault are used, and the next file is read. The same file reached twice (a symlink or
   * hard link to it, or a byte-identical copy) is read once and reported as a problem.
   *
   * @param sink receives lines and problems, on the calling thread
   * @throws BadInputException when a directory cannot be listed
   */
  public void read(QueueLogSink sink) {
    readDirect(sink);
  }

  /**
   * Like {@link #read(QueueLogSink)}, but with {@code threads >= 2} the splitting of lines runs on a second
   * thread (started and ended by this call) while the sink runs on the calling thread. The sink sees the same
   * lines in the same order, so results are identical; only the wall-clock time changes.
   *
   * @param sink receives lines and problems, on the calling thread
   * @param threads 1 reads on the calling thread only; 2 or more adds one reader thread
   * @throws BadInputException when a directory cannot be listed
   */
  public void read(QueueLogSink sink, int threads) {
    if (threads <= 1) {
      readDirect(sink);
    } else {
      Pipeline.read(this, sink);
    }
  }

  void readDirect(QueueLogSink sink) {
    LineReader reader = new LineReader(sink);
    FileIdentity seen = new FileIdentity();
    for (Part p : parts) {
      if (p instanceof Files_ f) {
        for (Path file : expand(f.paths())) {
          String name = file.toString();
          String same = seen.sameAs(file);
          if (same != null) {
            sink.problem(new InputProblem(name, 0, "duplicate file: " + same + "; read once"));
            continue;
          }
          sink.sourceStarted(name);
          InputStream in;
          try {
            in = open(file);
          } catch (IOException e) {
            sink.problem(new InputProblem(name, 0, "cannot read: " + reason(e) + "; skipped"));
            continue;
          }
          try (in) {
            reader.read(name, in);
          } catch (IOException e) {
            sink.problem(new InputProblem(name, 0, "cannot close: " + reason(e)));
          }
        }
      } else if (p instanceof Stream_ s) {
        sink.sourceStarted(s.name());
        InputStream in;
        try {
          in = maybeGunzip(s.in());
        } catch (IOException e) {
          sink.problem(new InputProblem(s.name(), 0, "cannot read: " + reason(e) + "; skipped"));
          continue;
        }
        reader.read(s.name(), in);
      } else if (p instanceof Source_ src) {
        QueueLogSource source = src.source();
        sink.sourceStarted(source.name());
        reader.source(source.name());
        long[] row = {0};
        source.read(new QueueLogSource.Sink() {
          @Override
          public void record(QueueLogRecord record) {
            reader.record(record, ++row[0]);
          }

          @Override
          public void problem(InputProblem problem) {
            row[0]++;
            sink.problem(problem);
          }
        });
        sink.bytesRead(reader.bytesTotal());
      }
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return maybeGunzip(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static InputStream maybeGunzip(InputStream raw) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, 2);
    int b1 = in.read();
    if (b1 < 0) {
      return in;
    }
    int b2 = in.read();
    if (b2 >= 0) {
      in.unread(b2);
    }
    in.unread(b1);
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  private static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          list.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().startsWith("queue_log"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new BadInputException(p.toString(), "cannot list directory: " + e.getMessage(), e);
        }
      } else {
        files.add(p);
      }
    }
    if (files.size() < 2) {
      return files;
    }
    record Dated(Path path, long firstEpoch, int order) {}
    List<Dated> dated = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      dated.add(new Dated(files.get(i), firstEpoch(files.get(i)), i));
    }
    dated.sort(Comparator.comparingLong(Dated::firstEpoch).thenComparingInt(Dated::order));
    return dated.stream().map(Dated::path).toList();
  }

  /** The epoch of the first line that starts with digits and a pipe, or Long.MAX_VALUE. */
  static long firstEpoch(Path file) {
    try (InputStream in = new BufferedInputStream(open(file), 1 << 16)) {
      byte[] b = in.readNBytes(1 << 16);
      int lineStart = LineReader.hasBom(b, b.length) ? 3 : 0;
      for (int i = 0; i <= b.length; i++) {
        if (i == b.length || b[i] == '\n') {
          int j = lineStart;
          while (j < i && b[j] >= '0' && b[j] <= '9') {
            j++;
          }
          if (j > lineStart && j < i && b[j] == '|') {
            long v = QueueLogLine.parseLong(b, lineStart, j);
            if (v >= 0) {
              return v;
            }
          }
          lineStart = i + 1;
        }
      }
      return Long.MAX_VALUE;
    } catch (IOException e) {
      return Long.MAX_VALUE; // unreadable: sorted last; reading it reports why
    }
  }

  /**
   * What went wrong, in the operating system's words where there are some: NIO exceptions carry only the path
   * as their message, and a truncated gzip stream none at all.
   */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
    }
    if (e instanceof java.io.EOFException) {
      return "unexpected end of file (truncated?)";
    }
    if (e instanceof java.util.zip.ZipException) {
      return "corrupt gzip data (" + (e.getMessage() == null ? "no detail" : e.getMessage()) + ")";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Files_ f) {
        f.paths().forEach(x -> names.add(x.toString()));
      } else if (p instanceof Stream_ s) {
        names.add(s.name());
      } else if (p instanceof Source_ s) {
        names.add(s.source().name());
      }
    }
    return "QueueLogInput" + names;
  }
}
