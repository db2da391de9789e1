package ru.sipring.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import ru.sipring.core.queuelog.QueueLogInput;

/**
 * Where the inbound reports read the queue_log: files or a database table. A host may define its own bean of
 * this type (a live AMI-fed log, several PBXes); the starter then backs off. Implementations are thread-safe.
 */
public interface QueueLogProvider {

  /**
   * A fresh input over the whole log.
   *
   * @param zone the report's zone (a table keeps local DATETIMEs in it)
   * @return the input; reading it reads the log
   */
  QueueLogInput input(ZoneId zone);

  /**
   * What is read, for people and health pages: paths or {@code table queue_log}. Never a password.
   *
   * @return one line
   */
  String description();

  /**
   * A cheap value that changes whenever what {@link #input} reads changes, so {@link InboundReports} may reuse a
   * report computed while the fingerprint was the same. The default, null, says "cannot tell": reports over this
   * source are then always computed. A provider reading files returns {@link Fingerprint#ofFiles}.
   *
   * @param zone the report's zone
   * @return the fingerprint, or null when this provider cannot tell whether the log changed
   */
  default @Nullable Fingerprint fingerprint(ZoneId zone) {
    return null;
  }

  /**
   * What a source looked like, taken before it is read: equal fingerprints mean equal data.
   *
   * @param value compared with {@code equals}; its own {@code toString} is only for logs
   * @param appendsOnly true when the value sees appended data only (a table's largest row id): a row deleted or
   *     edited in place goes unseen, so reports over it are trusted for {@code sipring.report.cache.max-age} at
   *     most; false when any change shows (every file's size, modification time and identity)
   */
  record Fingerprint(Object value, boolean appendsOnly) {
    /**
     * Checks the value.
     *
     * @param value compared with {@code equals}
     * @param appendsOnly true when only appended data changes the value
     */
    public Fingerprint {
      Objects.requireNonNull(value, "value");
    }

    /**
     * The fingerprint of queue_log files and directories, as {@link QueueLogInput#paths} reads them: for every
     * file it would read (directories expanded, so a new rotated file shows too) its path, size, modification
     * time and file identity (inode), read with one {@code stat} each. A live queue_log that grows changes its
     * size; a rotation changes the list or an identity. Cost: microseconds per file, no byte read.
     *
     * @param paths the files and directories of the input
     * @return the fingerprint
     * @throws ru.sipring.core.BadInputException when a path does not exist or a directory cannot be listed (the
     *     report would fail the same way)
     * @throws java.io.UncheckedIOException when a file's attributes cannot be read
     */
    public static Fingerprint ofFiles(List<Path> paths) {
      List<FileStamp> stamps = new ArrayList<>();
      for (Path file : QueueLogInput.paths(paths).files()) {
        try {
          BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
          stamps.add(new FileStamp(file.toString(), a.size(), a.lastModifiedTime(), a.fileKey()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(file + ": cannot read its attributes", e);
        }
      }
      return new Fingerprint(List.copyOf(stamps), false);
    }
  }

  /**
   * One file of a {@link Fingerprint#ofFiles} fingerprint. An immutable value.
   *
   * @param path the file
   * @param size its size in bytes
   * @param modified its last modification time (the file system's resolution, nanoseconds on ext4 and xfs)
   * @param identity the file system's key of the file (device and inode), null where there is none
   */
  record FileStamp(String path, long size, FileTime modified, @Nullable Object identity) {}
}
