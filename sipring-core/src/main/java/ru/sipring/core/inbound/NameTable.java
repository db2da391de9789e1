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
    long h;
    if (len >= 8) {
      h = (long) LONGS.get(b, s) * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, e - 8) * 0xC2B2AE3D27D4EB4FL + len;
      if (len > 16) {
        h += (long) LONGS.get(b, s + ((len - 8) >>> 1)) * 0x165667B19E3779F9L;
      }
    } else {
      h = len;
      for (int i = s; i < e; i++) {
        h = (h << 8) | (b[i] & 0xff);
      }
      h *= 0x9E3779B97F4A7C15L;
    }
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  int intern(byte[] b, int s, int e) {
    int h = hash(b, s, e);
    int idx = h & mask;
    while (true) {
      int id = slots[idx] - 1;
      if (id < 0) {
        return add(b, s, e, h, idx);
      }
      if (hashes[id] == h && Arrays.equals(keys[id], 0, keys[id].length, b, s, e)) {
        return id;
      }
      idx = (idx + 1) & mask;
    }
  }

  int intern(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  /** The id of a name already interned, or -1. */
  int find(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    int h = hash(b, 0, b.length);
    int idx = h & mask;
    while (true) {
      int id = slots[idx] - 1;
      if (id < 0) {
        return -1;
      }
      if (hashes[id] == h && Arrays.equals(keys[id], b)) {
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
    }
    keys[id] = Arrays.copyOfRange(b, s, e);
    names[id] = new String(b, s, e - s, StandardCharsets.UTF_8);
    hashes[id] = h;
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
