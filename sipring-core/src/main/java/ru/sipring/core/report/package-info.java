/**
 * The inbound report model: immutable records, one per section of the guide's screens and printouts
 * (section 7 of the admin guide), computed by the inbound statistics engine and shown by the renderers.
 * Metric definitions: DESIGN.md §4 and docs/inbound.md. Every type here is immutable and thread-safe.
 */
@NullMarked
package ru.sipring.core.report;

import org.jspecify.annotations.NullMarked;
