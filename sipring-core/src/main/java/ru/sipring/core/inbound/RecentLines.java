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

  private long[] hashes = new long[1 << 12];
  private long[] times = new long[1 << 12];
  private int mask = (1 << 12) - 1;
  private int size;
  private long newest = Long.MIN_VALUE;

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
    if (++size * 2 > hs.length) {
      compact();
    }
    return false;
  }

  /** Drops lines older than the window; grows when the window itself holds that many lines. */
  private void compact() {
    long[] oh = hashes;
    long[] ot = times;
    long keepFrom = newest - WINDOW;
    int live = 0;
    for (int i = 0; i < oh.length; i++) {
      if (oh[i] != 0 && ot[i] >= keepFrom) {
        live++;
      }
    }
    int cap = oh.length;
    while (live * 4 > cap) {
      cap *= 2;
    }
    hashes = new long[cap];
    times = new long[cap];
    mask = cap - 1;
    size = 0;
    for (int i = 0; i < oh.length; i++) {
      if (oh[i] != 0 && ot[i] >= keepFrom) {
        int idx = (int) (oh[i] ^ (oh[i] >>> 32)) & mask;
        while (hashes[idx] != 0) {
          idx = (idx + 1) & mask;
        }
        hashes[idx] = oh[i];
        times[idx] = ot[i];
        size++;
      }
    }
  }

  /** A 64-bit hash of the bytes, eight at a time, finished with murmur3's mix so one byte changes every bit. */
  static long hash(byte[] b, int from, int to) {
    long h = (to - from) * M;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = Long.rotateLeft(h ^ ((long) LONGS.get(b, i) * M), 31) * 5 + 0x52dce729;
    }
    long tail = 0;
    for (int k = 0; i < to; i++, k += 8) {
      tail |= (b[i] & 0xFFL) << k;
    }
    h ^= tail * M;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb34fe53a87cdL;
    h ^= h >>> 33;
    return h;
  }
}
