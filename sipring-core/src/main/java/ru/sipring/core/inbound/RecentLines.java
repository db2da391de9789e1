package ru.sipring.core.inbound;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Remembers the lines of the last few seconds of log time (64-bit hashes of their bytes, with their time), to
 * recognise a line identical to one already applied: same time, callid, queue, agent, event and data. A log
 * written twice has its copies within the same second; keeping only {@link #WINDOW} seconds bounds memory by
 * the lines per second, not by the log. Open addressing over two flat arrays, no allocation per line. Not
 * thread-safe.
 */
final class RecentLines {
  /** Seconds of log time (before the newest line) whose lines are remembered. */
  static final long WINDOW = 2;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long M = 0x9E3779B97F4A7C15L;

  /**
   * Slots at the start. The table is compacted when it holds a quarter of that (the entries of a 2,048-line
   * stretch), and grows when the window alone holds an eighth: lookups meet few occupied slots.
   */
  private static final int INITIAL = 1 << 13;

  private long[] hashes = new long[INITIAL];
  private long[] times = new long[INITIAL];
  private int mask = INITIAL - 1;
  private int size;
  private long newest = Long.MIN_VALUE;
  /**
   * The slot of every entry, in the order they were added: compacting visits the entries, not every slot, and
   * clears only their slots, so it neither scans the whole table nor allocates a new one (it ran every two
   * thousand lines and was a tenth of a one-shot report's time).
   */
  private int[] order = new int[INITIAL / 4 + 1];
  private long[] keptHashes = new long[INITIAL / 4 + 1];
  private long[] keptTimes = new long[INITIAL / 4 + 1];

  /** Slots in the table now; for tests of the memory bound. */
  int capacity() {
    return hashes.length;
  }

  /** True when the line {@code b[from, to)} at time {@code t} was seen before; otherwise remembers it. */
  boolean seenBefore(byte[] b, int from, int to, long t) {
    long h = hash(b, from, to);
    if (h == 0) {
      h = 1; // 0 marks an empty slot
    }
    if (t > newest) {
      newest = t;
    }
    int idx = (int) (h ^ (h >>> 32)) & mask;
    long[] hs = hashes;
    while (true) {
      long x = hs[idx];
      if (x == 0) {
        break;
      }
      if (x == h && times[idx] == t) {
        return true;
      }
      idx = (idx + 1) & mask;
    }
    hs[idx] = h;
    times[idx] = t;
    order[size] = idx;
    if (++size * 4 > hs.length) {
      compact();
    }
    return false;
  }

  /** Drops lines older than the window; grows when the window itself holds that many lines. */
  private void compact() {
    long keepFrom = newest - WINDOW;
    long[] hs = hashes;
    long[] ts = times;
    int[] ord = order;
    long[] kh = keptHashes;
    long[] kt = keptTimes;
    int live = 0;
    for (int k = 0; k < size; k++) {
      int slot = ord[k];
      long t = ts[slot];
      if (t >= keepFrom) {
        kh[live] = hs[slot];
        kt[live] = t;
        live++;
      }
      hs[slot] = 0;
    }
    int cap = hs.length;
    while (live * 8 > cap) {
      cap *= 2;
    }
    if (cap != hs.length) {
      hashes = new long[cap];
      times = new long[cap];
      mask = cap - 1;
      order = new int[cap / 4 + 1];
      keptHashes = new long[cap / 4 + 1];
      keptTimes = new long[cap / 4 + 1];
    }
    size = 0;
    for (int k = 0; k < live; k++) {
      insert(kh[k], kt[k]);
    }
  }

  private void insert(long h, long t) {
    int idx = (int) (h ^ (h >>> 32)) & mask;
    while (hashes[idx] != 0) {
      idx = (idx + 1) & mask;
    }
    hashes[idx] = h;
    times[idx] = t;
    order[size++] = idx;
  }

  /** A 64-bit hash of the bytes, eight at a time, finished with murmur3's mix so one byte changes every bit. */
  static long hash(byte[] b, int from, int to) {
    long h = (to - from) * M;
    long g = (to - from) * 0xC2B2AE3D27D4EB4FL;
    int i = from;
    // two independent lanes of 16 bytes a step: half the loop steps and two short dependency chains instead of
    // one long one, which matters in the C1-compiled code a one-shot report runs
    for (; i + 16 <= to; i += 16) {
      h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * M), 31) * 5 + 0x52dce729;
      g = Long.rotateLeft(g ^ ((long) LONGS.get(b, i + 8) * M), 27) * 5 + 0x38495ab5;
    }
    if (i + 8 <= to) {
      h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * M), 31) * 5 + 0x52dce729;
      i += 8;
    }
    long tail = 0;
    int rest = to - i;
    if (rest > 0 && to - from >= 8) {
      // the last 1..7 bytes, as the top of the word that ends the line (the same value as the byte loop)
      tail = (long) LONGS.get(b, to - 8) >>> ((8 - rest) << 3);
    } else {
      for (int k = 0; i < to; i++, k += 8) {
        tail |= (b[i] & 0xFFL) << k;
      }
    }
    h ^= Long.rotateLeft(g, 17) + tail * M;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb34fe53a87cdL;
    h ^= h >>> 33;
    return h;
  }
}
