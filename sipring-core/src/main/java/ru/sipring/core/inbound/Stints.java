package ru.sipring.core.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The stints (one caller in one queue) still open, keyed by (callid bytes, queue id), in flat arrays: one
 * record per open stint, reused when it closes, so memory is bounded by the number of calls open at once.
 * Lookups allocate nothing. Not thread-safe.
 */
final class Stints {
  static final byte WAITING = 1;
  static final byte CONNECTED = 2;
  /** Ended and counted; kept until the second changes so late same-second lines for it are recognised. */
  static final byte CLOSED = 3;
  /** Ended, but its ENTERQUEUE may still come later in the same second: counted when the second changes. */
  static final byte CLOSED_PENDING = 4;

  private int keyWidth = 32;
  private int callerWidth = 24;
  private int cap = 1024;

  // per record
  byte[] keyBytes = new byte[cap * keyWidth];
  int[] keyLen = new int[cap];
  int[] keyHash = new int[cap];
  int[] queue = new int[cap];
  byte[] state = new byte[cap];
  boolean[] hasEnter = new boolean[cap];
  long[] enter = new long[cap];
  byte[] callerBytes = new byte[cap * callerWidth];
  int[] callerLen = new int[cap];
  int[] position = new int[cap];
  int[] agent = new int[cap];
  int[] wait = new int[cap];
  /** When the CONNECT was seen, or Long.MIN_VALUE: wait and talk come from it when no line carries them. */
  long[] connectAt = new long[cap];
  long[] serial = new long[cap];
  String[] displayCallId = new String[cap]; // set only for joined (#759) stints
  // outcome of a CLOSED_PENDING stint
  int[] outcome = new int[cap];
  int[] talk = new int[cap];

  private int[] freeList = new int[cap];
  private int freeCount;
  private int used; // high-water mark of record indices
  private int live;
  private long nextSerial = 1;

  private int[] table = new int[4096]; // record + 1
  private int mask = 4095;

  int live() {
    return live;
  }

  int highWater() {
    return used;
  }

  boolean inUse(int r) {
    return state[r] != 0;
  }

  int find(byte[] b, int s, int e, int h, int q) {
    int len = e - s;
    int idx = (h ^ (q * 0x9E3779B9)) & mask;
    while (true) {
      int r = table[idx] - 1;
      if (r < 0) {
        return -1;
      }
      if (keyHash[r] == h && queue[r] == q && keyLen[r] == len
          && NameTable.equal(keyBytes, r * keyWidth, b, s, len)) {
        return r;
      }
      idx = (idx + 1) & mask;
    }
  }

  int add(byte[] b, int s, int e, int h, int q) {
    int len = e - s;
    if (len > keyWidth) {
      widenKeys(len);
    }
    int r;
    if (freeCount > 0) {
      r = freeList[--freeCount];
    } else {
      if (used == cap) {
        grow();
      }
      r = used++;
    }
    System.arraycopy(b, s, keyBytes, r * keyWidth, len);
    keyLen[r] = len;
    keyHash[r] = h;
    queue[r] = q;
    state[r] = WAITING;
    hasEnter[r] = false;
    enter[r] = 0;
    callerLen[r] = 0;
    position[r] = 0;
    agent[r] = -1;
    wait[r] = -1;
    connectAt[r] = Long.MIN_VALUE;
    talk[r] = 0;
    outcome[r] = 0;
    displayCallId[r] = null;
    serial[r] = nextSerial++;
    live++;
    if (live * 2 > table.length) {
      rehash(table.length * 2);
    }
    int idx = (h ^ (q * 0x9E3779B9)) & mask;
    while (table[idx] != 0) {
      idx = (idx + 1) & mask;
    }
    table[idx] = r + 1;
    return r;
  }

  /** Removes a record (backward-shift deletion keeps probe chains intact without tombstones). */
  void remove(int r) {
    int idx = (keyHash[r] ^ (queue[r] * 0x9E3779B9)) & mask;
    while (table[idx] != r + 1) {
      idx = (idx + 1) & mask;
    }
    int hole = idx;
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      int x = table[j] - 1;
      if (x < 0) {
        break;
      }
      int home = (keyHash[x] ^ (queue[x] * 0x9E3779B9)) & mask;
      // move x into the hole when its home is not within (hole, j]
      boolean between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!between) {
        table[hole] = table[j];
        hole = j;
      }
    }
    table[hole] = 0;
    state[r] = 0;
    displayCallId[r] = null;
    freeList[freeCount++] = r;
    live--;
  }

  void setCaller(int r, byte[] b, int s, int e) {
    int len = e - s;
    if (len > callerWidth) {
      widenCallers(len);
    }
    System.arraycopy(b, s, callerBytes, r * callerWidth, len);
    callerLen[r] = len;
  }

  String caller(int r) {
    return new String(callerBytes, r * callerWidth, callerLen[r], StandardCharsets.UTF_8);
  }

  boolean callerEquals(int r, byte[] other) {
    return callerLen[r] == other.length
        && Arrays.equals(callerBytes, r * callerWidth, r * callerWidth + callerLen[r], other, 0, other.length);
  }

  String callId(int r) {
    String d = displayCallId[r];
    return d != null ? d : keyString(r);
  }

  String keyString(int r) {
    return new String(keyBytes, r * keyWidth, keyLen[r], StandardCharsets.UTF_8);
  }

  private void grow() {
    int n = cap * 2;
    keyBytes = Arrays.copyOf(keyBytes, n * keyWidth);
    keyLen = Arrays.copyOf(keyLen, n);
    keyHash = Arrays.copyOf(keyHash, n);
    queue = Arrays.copyOf(queue, n);
    state = Arrays.copyOf(state, n);
    hasEnter = Arrays.copyOf(hasEnter, n);
    enter = Arrays.copyOf(enter, n);
    callerBytes = Arrays.copyOf(callerBytes, n * callerWidth);
    callerLen = Arrays.copyOf(callerLen, n);
    position = Arrays.copyOf(position, n);
    agent = Arrays.copyOf(agent, n);
    wait = Arrays.copyOf(wait, n);
    connectAt = Arrays.copyOf(connectAt, n);
    serial = Arrays.copyOf(serial, n);
    displayCallId = Arrays.copyOf(displayCallId, n);
    outcome = Arrays.copyOf(outcome, n);
    talk = Arrays.copyOf(talk, n);
    freeList = Arrays.copyOf(freeList, n);
    cap = n;
  }

  private void widenKeys(int len) {
    int w = Math.max(len, keyWidth * 2);
    byte[] nb = new byte[cap * w];
    for (int r = 0; r < used; r++) {
      System.arraycopy(keyBytes, r * keyWidth, nb, r * w, keyLen[r]);
    }
    keyBytes = nb;
    keyWidth = w;
  }

  private void widenCallers(int len) {
    int w = Math.max(len, callerWidth * 2);
    byte[] nb = new byte[cap * w];
    for (int r = 0; r < used; r++) {
      System.arraycopy(callerBytes, r * callerWidth, nb, r * w, callerLen[r]);
    }
    callerBytes = nb;
    callerWidth = w;
  }

  private void rehash(int size) {
    int[] nt = new int[size];
    int nm = size - 1;
    for (int r = 0; r < used; r++) {
      if (state[r] != 0) {
        int idx = (keyHash[r] ^ (queue[r] * 0x9E3779B9)) & nm;
        while (nt[idx] != 0) {
          idx = (idx + 1) & nm;
        }
        nt[idx] = r + 1;
      }
    }
    table = nt;
    mask = nm;
  }
}
