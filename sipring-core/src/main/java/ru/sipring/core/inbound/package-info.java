/**
 * The inbound statistics engine: {@link ru.sipring.core.inbound.InboundStatistics} reads a queue_log in one pass
 * and computes every section of the guide's inbound report (metric definitions: DESIGN.md §4, docs/inbound.md).
 * Everything but the entry point and its progress callback is package-private engine internals. An
 * {@code InboundStatistics} is immutable and thread-safe; each computation runs on the calling thread (plus one
 * reader thread when pipelined).
 */
@NullMarked
package ru.sipring.core.inbound;

import org.jspecify.annotations.NullMarked;
