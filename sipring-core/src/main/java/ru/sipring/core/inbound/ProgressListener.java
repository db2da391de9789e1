package ru.sipring.core.inbound;

/**
 * Told how far a long computation has got. Called on the thread that runs {@link InboundStatistics#compute},
 * every few megabytes of input and once at the end; keep it fast.
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * @param bytesRead bytes read so far (decompressed bytes for gzip input)
   * @param totalBytes total size of the input files, or -1 when unknown (streams, tables, gzip)
   * @param lines lines read so far
   */
  void progress(long bytesRead, long totalBytes, long lines);
}
