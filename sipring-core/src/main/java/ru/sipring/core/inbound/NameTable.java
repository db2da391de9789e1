package ru.sipring.core.inbound;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns short byte strings (queue names, agent values, event names) into dense int ids without allocating on
 * a hit: open addressing over the raw bytes. Grows with the number of distinct names only. Not thread-safe.
 */
final class NameTable {
  private int[] slots = new int[64]; // id + 1, 0 = empty
  private int mask = 63;
  private int[] hashes = new int[32];
  private int[] lens = new int[32];
  private long[] heads = new long[32];
  private long[] tails = new long[32];
  private byte[][] keys = new byte[32][];
  private String[] names = new String[32];
  private int size;

  int size() {
    return size;
  }

  String name(int id) {
    return names[id];
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * A cheap hash of a short byte string: the first, middle and last eight bytes read as words (so a callid of up
   * to 24 bytes is hashed whole), multiplied and folded. Collisions only cost a probe and a compare.
   */
  static int hash(byte[] b, int s, int e) {
    int len = e - s;
    long w0 = first(b, s, e);
    long w1 = len > 8 ? (long) LONGS.get(b, e - 8) : 0;
    return hashWords(b, s, len, w0, w1);
  }

  /** The first eight bytes (zero-padded when shorter), as a little-endian word. */
  private static long first(byte[] b, int s, int e) {
    int len = e - s;
    if (len >= 8) {
      return (long) LONGS.get(b, s);
    }
    if (s + 8 <= b.length) {
      return (long) LONGS.get(b, s) & ((1L << (len << 3)) - 1);
    }
    long w = 0;
    for (int i = len - 1; i >= 0; i--) {
      w = (w << 8) | (b[s + i] & 0xff);
    }
    return w;
  }

  private static int hashWords(byte[] b, int s, int len, long w0, long w1) {
    long h = w0 * 0x9E3779B97F4A7C15L + w1 * 0xC2B2AE3D27D4EB4FL + len;
    if (len > 16) {
      h += (long) LONGS.get(b, s + ((len - 8) >>> 1)) * 0x165667B19E3779F9L;
    }
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** Equality of two byte ranges of the same length, a word at a time (keys are short: 4 to 30 bytes). */
  static boolean equal(byte[] a, int as, byte[] b, int bs, int len) {
    if (len >= 8) {
      int i = 0;
      for (; i < len - 8; i += 8) {
        if ((long) LONGS.get(a, as + i) != (long) LONGS.get(b, bs + i)) {
          return false;
        }
      }
      return (long) LONGS.get(a, as + len - 8) == (long) LONGS.get(b, bs + len - 8);
    }
    for (int i = 0; i < len; i++) {
      if (a[as + i] != b[bs + i]) {
        return false;
      }
    }
    return true;
  }

  int intern(byte[] b, int s, int e) {
    int len = e - s;
    long w0 = first(b, s, e);
    long w1 = len > 8 ? (long) LONGS.get(b, e - 8) : 0;
    int h = hashWords(b, s, len, w0, w1);
    int idx = h & mask;
    while (true) {
      int id = slots[idx] - 1;
      if (id < 0) {
        return add(b, s, e, h, idx);
      }
      // names up to 16 bytes are equal when length and both words are: no byte loop
      if (hashes[id] == h && lens[id] == len && heads[id] == w0 && tails[id] == w1
          && (len <= 16 || equal(keys[id], 0, b, s, len))) {
        return id;
      }
      idx = (idx + 1) & mask;
    }
  }

  private int add(byte[] b, int s, int e, int h, int idx) {
    int id = size++;
    if (id == keys.length) {
      int n = keys.length * 2;
      keys = Arrays.copyOf(keys, n);
      names = Arrays.copyOf(names, n);
      hashes = Arrays.copyOf(hashes, n);
      lens = Arrays.copyOf(lens, n);
      heads = Arrays.copyOf(heads, n);
      tails = Arrays.copyOf(tails, n);
    }
    keys[id] = Arrays.copyOfRange(b, s, e);
    names[id] = new String(b, s, e - s, StandardCharsets.UTF_8);
    hashes[id] = h;
    lens[id] = e - s;
    heads[id] = first(b, s, e);
    tails[id] = e - s > 8 ? (long) LONGS.get(b, e - 8) : 0;
    slots[idx] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] ns = new int[slots.length * 2];
    int nm = ns.length - 1;
    for (int id = 0; id < size; id++) {
      int idx = hashes[id] & nm;
      while (ns[idx] != 0) {
        idx = (idx + 1) & nm;
      }
      ns[idx] = id + 1;
    }
    slots = ns;
    mask = nm;
  }
}
