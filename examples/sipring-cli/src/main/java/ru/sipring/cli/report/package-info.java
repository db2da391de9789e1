/** The CLI inbound report command: queue_log in, the guide's report out. */
@NullMarked
package ru.sipring.cli.report;

import org.jspecify.annotations.NullMarked;
