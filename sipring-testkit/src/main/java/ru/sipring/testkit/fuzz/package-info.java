/**
 * A seeded mutational fuzzer of the queue_log reader and the inbound engine ({@link ru.sipring.testkit.fuzz.QueueLogFuzzer}):
 * real logs from a corpus directory, damaged with byte and line mutations (bit flips, control bytes, cut,
 * duplicated and swapped lines, absurd numbers, damaged gzip), and checked for no escaping exception and the same
 * report as the valid lines alone. Deterministic for a seed; not thread-safe, one run per instance.
 */
@NullMarked
package ru.sipring.testkit.fuzz;

import org.jspecify.annotations.NullMarked;
