package ru.sipring.core.queuelog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * Reads on one thread and consumes on another: the reader thread splits lines into batches (bytes and field
 * offsets copied out of its buffer), the calling thread replays them, in the same order, into the sink. The
 * sink sees exactly what a single-threaded read gives (same lines, same order, same problems), so results are
 * identical; the two halves of the work (splitting, counting) just run on two cores.
 */
final class Pipeline {
  private static final int BATCH_LINES = 8192;
  private static final int BATCH_BYTES = 1 << 20;

  /** A run of lines, their problems and markers, in input order. */
  private static final class Batch {
    byte[] bytes = new byte[BATCH_BYTES];
    int used;
    final int[] starts = new int[BATCH_LINES * QueueLogLine.MAX_FIELDS];
    final int[] ends = new int[BATCH_LINES * QueueLogLine.MAX_FIELDS];
    final int[] fieldCounts = new int[BATCH_LINES];
    final long[] epochs = new long[BATCH_LINES];
    final long[] lineNumbers = new long[BATCH_LINES];
    final String[] sources = new String[BATCH_LINES];
    int lines;
    final List<Object> events = new ArrayList<>(); // problems, source starts, byte counts; with line index
    final List<Integer> eventAt = new ArrayList<>();
    boolean last;
    @Nullable RuntimeException failure;

    void clear() {
      used = 0;
      lines = 0;
      events.clear();
      eventAt.clear();
      last = false;
      failure = null;
    }
  }

  private record SourceStart(String name) {}

  private record BytesRead(long total) {}

  static void read(QueueLogInput input, QueueLogSink sink) {
    BlockingQueue<Batch> full = new ArrayBlockingQueue<>(4);
    BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(4);
    for (int i = 0; i < 4; i++) {
      empty.add(new Batch());
    }
    Thread reader = new Thread(() -> produce(input, full, empty), "sipring-queue-log-reader");
    reader.setDaemon(true);
    reader.start();
    QueueLogLine view = new QueueLogLine();
    try {
      while (true) {
        Batch b = full.take();
        int ev = 0;
        int events = b.events.size();
        // the line before which the next problem or marker goes; checked with one compare per line, since
        // boxed list lookups on every line cost the consuming thread (the slower of the two) real time
        int nextAt = events > 0 ? b.eventAt.get(0) : Integer.MAX_VALUE;
        view.buf = b.bytes;
        view.start = b.starts;
        view.end = b.ends;
        final int[] fieldCounts = b.fieldCounts;
        final long[] epochs = b.epochs;
        final long[] lineNumbers = b.lineNumbers;
        final String[] sources = b.sources;
        final int n = b.lines;
        for (int i = 0; i < n; i++) {
          if (nextAt <= i) {
            while (ev < events && b.eventAt.get(ev) <= i) {
              deliver(sink, b.events.get(ev++));
            }
            nextAt = ev < events ? b.eventAt.get(ev) : Integer.MAX_VALUE;
          }
          view.base = i * QueueLogLine.MAX_FIELDS;
          view.fields = fieldCounts[i];
          view.epoch = epochs[i];
          view.lineNumber = lineNumbers[i];
          view.source = sources[i];
          sink.line(view);
        }
        while (ev < b.events.size()) {
          deliver(sink, b.events.get(ev++));
        }
        if (b.failure != null) {
          throw b.failure;
        }
        boolean last = b.last;
        b.clear();
        empty.put(b);
        if (last) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reader.interrupt();
      throw new IllegalStateException("interrupted while reading the queue_log", e);
    } catch (RuntimeException e) {
      reader.interrupt();
      throw e;
    }
  }

  private static void deliver(QueueLogSink sink, Object event) {
    if (event instanceof InputProblem p) {
      sink.problem(p);
    } else if (event instanceof SourceStart s) {
      sink.sourceStarted(s.name());
    } else if (event instanceof BytesRead r) {
      sink.bytesRead(r.total());
    }
  }

  private static void produce(QueueLogInput input, BlockingQueue<Batch> full, BlockingQueue<Batch> empty) {
    Batch[] cur = new Batch[1];
    try {
      cur[0] = empty.take();
      input.readDirect(new QueueLogSink() {
        @Override
        public void line(QueueLogLine l) {
          Batch b = cur[0];
          int from = l.start[0];
          int to = l.end[l.fields - 1];
          int len = to - from;
          if (b.lines == BATCH_LINES || b.used + len > b.bytes.length) {
            b = next(b);
            if (len > b.bytes.length) {
              b.bytes = new byte[len];
            }
          }
          System.arraycopy(l.buf, from, b.bytes, b.used, len);
          int shift = b.used - from;
          int i = b.lines++;
          int base = i * QueueLogLine.MAX_FIELDS;
          int n = l.fields;
          for (int f = 0; f < n; f++) {
            b.starts[base + f] = l.start[f] + shift;
            b.ends[base + f] = l.end[f] + shift;
          }
          b.fieldCounts[i] = n;
          b.epochs[i] = l.epoch;
          b.lineNumbers[i] = l.lineNumber;
          b.sources[i] = l.source;
          b.used += len;
        }

        private Batch next(Batch b) {
          try {
            full.put(b);
            cur[0] = empty.take();
            return cur[0];
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          }
        }

        private void event(Object e) {
          Batch b = cur[0];
          if (b.events.size() > 10_000) {
            b = next(b);
          }
          b.events.add(e);
          b.eventAt.add(b.lines);
        }

        @Override
        public void problem(InputProblem problem) {
          event(problem);
        }

        @Override
        public void bytesRead(long total) {
          event(new BytesRead(total));
        }

        @Override
        public void sourceStarted(String name) {
          event(new SourceStart(name));
        }
      });
      cur[0].last = true;
      full.put(cur[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (cur[0] != null) {
        cur[0].failure = e;
        cur[0].last = true;
        try {
          full.put(cur[0]);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
