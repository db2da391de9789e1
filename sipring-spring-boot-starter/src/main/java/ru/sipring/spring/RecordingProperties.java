package ru.sipring.spring;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where calls are recorded ({@code sipring.recordings.*}): the panel plays and downloads a report row's
 * recording only from this directory. Immutable and thread-safe.
 *
 * @param directory the directory Asterisk's MixMonitor records into (FreePBX: /var/spool/asterisk/monitor);
 *     without it no recording is served
 * @param cdrTable the CDR table of the DataSource whose {@code recordingfile} names each call's file (FreePBX:
 *     {@code cdr} in asteriskcdrdb); without it files are found by name ({@code ...-<uniqueid>.wav}) in the
 *     dated directories
 */
@ConfigurationProperties("sipring.recordings")
public record RecordingProperties(@Nullable Path directory, @Nullable String cdrTable) {
}
