/**
 * Mergeable partial results of the inbound report: {@link ru.sipring.core.inbound.partial.InboundPartial}, computed
 * per source (one PBX, one day) by {@link ru.sipring.core.inbound.InboundStatistics#computePartial}, merged
 * associatively and commutatively, and rendered with {@link ru.sipring.core.inbound.InboundStatistics#report}; its
 * serialised form ({@link ru.sipring.core.inbound.partial.PartialFormat}) is stable, versioned and documented in
 * docs/inbound.md, "Partial results and merging". Every type here is immutable and thread-safe.
 */
@NullMarked
package ru.sipring.core.inbound.partial;

import org.jspecify.annotations.NullMarked;
