package ru.sipring.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of an input file for the fuzz suites: byte flips, insertions and deletions, and line or
 * structure mutations (a line dropped, doubled, swapped, cut, a quote or delimiter or markup character put in,
 * a huge run of one character). Each mutant says which lines it touched, so a suite can check that the rows it
 * did not touch survived. Not thread-safe: one per test.
 */
public final class Mutator {
  private static final byte[] SPECIAL = "\"';,|\t\r\n<>&{}[]:\\\u0000#".getBytes(StandardCharsets.UTF_8);
  private final Random random;

  /**
   * A mutant and the 1-based lines of the original it changed (empty when it cannot tell).
   *
   * @param bytes the mutated content
   * @param firstTouched the first original line the mutation touched
   * @param lastTouched the last original line the mutation touched (or moved)
   * @param kind what was done, for the failure message
   */
  public record Mutant(byte[] bytes, int firstTouched, int lastTouched, String kind) {}

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** One mutant of {@code original}: one to three mutations of one kind, byte or line level. */
  public Mutant mutate(byte[] original) {
    List<byte[]> lines = split(original);
    int kind = random.nextInt(10);
    if (lines.size() < 2 || kind < 4) {
      return bytes(original, kind);
    }
    int n = lines.size();
    int i = random.nextInt(n);
    List<byte[]> out = new ArrayList<>(lines);
    String what;
    int last = i;
    switch (kind) {
      case 4 -> {
        out.remove(i);
        what = "line " + (i + 1) + " dropped";
      }
      case 5 -> {
        out.add(i, lines.get(i));
        what = "line " + (i + 1) + " doubled";
      }
      case 6 -> {
        int j = random.nextInt(n);
        out.set(i, lines.get(j));
        out.set(j, lines.get(i));
        last = Math.max(i, j);
        i = Math.min(i, j);
        what = "lines " + (i + 1) + " and " + (last + 1) + " swapped";
      }
      case 7 -> {
        byte[] l = lines.get(i);
        out.set(i, Arrays.copyOf(l, l.length == 0 ? 0 : random.nextInt(l.length)));
        what = "line " + (i + 1) + " cut";
      }
      case 8 -> {
        byte[] l = lines.get(i);
        int at = l.length == 0 ? 0 : random.nextInt(l.length + 1);
        byte c = SPECIAL[random.nextInt(SPECIAL.length)];
        byte[] m = new byte[l.length + 1];
        System.arraycopy(l, 0, m, 0, at);
        m[at] = c;
        System.arraycopy(l, at, m, at + 1, l.length - at);
        out.set(i, m);
        what = "'" + (char) c + "' put into line " + (i + 1);
      }
      default -> {
        byte[] l = lines.get(i);
        int at = l.length == 0 ? 0 : random.nextInt(l.length + 1);
        int len = 70_000 + random.nextInt(10_000);
        byte[] m = new byte[l.length + len];
        System.arraycopy(l, 0, m, 0, at);
        Arrays.fill(m, at, at + len, (byte) ("a9\"".charAt(random.nextInt(3))));
        System.arraycopy(l, at, m, at + len, l.length - at);
        out.set(i, m);
        what = "a run of " + len + " bytes put into line " + (i + 1);
      }
    }
    return new Mutant(join(out), i + 1, last + 1, what);
  }

  private Mutant bytes(byte[] original, int kind) {
    byte[] b = original.clone();
    int count = 1 + random.nextInt(3);
    int first = Integer.MAX_VALUE;
    int last = 0;
    StringBuilder what = new StringBuilder();
    for (int k = 0; k < count && b.length > 0; k++) {
      int at = random.nextInt(b.length);
      first = Math.min(first, lineOf(b, at));
      last = Math.max(last, lineOf(b, at));
      switch (kind % 3) {
        case 0 -> {
          b[at] = (byte) random.nextInt(256);
          what.append("byte ").append(at).append(" replaced; ");
        }
        case 1 -> {
          byte[] m = new byte[b.length + 1];
          System.arraycopy(b, 0, m, 0, at);
          m[at] = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)] : (byte) random.nextInt(256);
          System.arraycopy(b, at, m, at + 1, b.length - at);
          b = m;
          what.append("byte inserted at ").append(at).append("; ");
        }
        default -> {
          byte[] m = new byte[b.length - 1];
          System.arraycopy(b, 0, m, 0, at);
          System.arraycopy(b, at + 1, m, at, b.length - at - 1);
          b = m;
          what.append("byte ").append(at).append(" deleted; ");
        }
      }
    }
    // a byte change can join or split lines: count everything from its line on to the next as touched
    return new Mutant(b, first == Integer.MAX_VALUE ? 1 : first, last + 1, what.toString().trim());
  }

  private static int lineOf(byte[] b, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The lines of {@code b} with their line ends. */
  public static List<byte[]> split(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    if (start < b.length) {
      out.add(Arrays.copyOfRange(b, start, b.length));
    }
    return out;
  }

  private static byte[] join(List<byte[]> lines) {
    int n = 0;
    for (byte[] l : lines) {
      n += l.length;
    }
    byte[] out = new byte[n];
    int p = 0;
    for (byte[] l : lines) {
      System.arraycopy(l, 0, out, p, l.length);
      p += l.length;
    }
    return out;
  }
}
