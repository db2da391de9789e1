package ru.sipring.core.queuelog;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a file already read in this input: the same file under another name (a symlink in the log
 * directory, a hard link: same file key, i.e. device and inode, or the same real path), or a byte-identical
 * copy of it (same size and the same digest of its first and last 64 KiB: cheap, and rotated logs of the same
 * size that agree there but differ in the middle do not occur, as every line carries its time). Not thread-safe.
 */
final class FileIdentity {
  private static final int EDGE = 1 << 16;

  private final Map<Object, String> byKey = new HashMap<>();
  private final Map<Long, List<Path>> bySize = new HashMap<>();
  private final Map<Path, String> digests = new HashMap<>();

  /** The name of an earlier file that {@code file} is (or copies), or null; remembers {@code file}. */
  @Nullable String sameAs(Path file) {
    long size;
    Object key;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      size = a.size();
      Object k = a.fileKey();
      key = k != null ? k : file.toRealPath();
    } catch (IOException e) {
      return null; // reading it will report why
    }
    String earlier = byKey.putIfAbsent(key, file.toString());
    if (earlier != null) {
      return "the same file as " + earlier + " (a link to it)";
    }
    List<Path> sameSize = bySize.computeIfAbsent(size, s -> new ArrayList<>());
    if (!sameSize.isEmpty() && size > 0) {
      String mine = digest(file, size);
      for (Path other : sameSize) {
        String theirs = digests.computeIfAbsent(other, o -> digest(o, size));
        if (!mine.isEmpty() && mine.equals(theirs)) {
          return "a byte-identical copy of " + other;
        }
      }
      digests.put(file, mine);
    }
    sameSize.add(file);
    return null;
  }

  private static String digest(Path file, long size) {
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, EDGE));
      fill(ch, buf);
      md.update(buf.flip());
      if (size > EDGE) {
        ch.position(Math.max(EDGE, size - EDGE));
        buf.clear();
        fill(ch, buf);
        md.update(buf.flip());
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      return "";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void fill(SeekableByteChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining() && ch.read(buf) >= 0) {
      // read until full or end of file
    }
  }
}
