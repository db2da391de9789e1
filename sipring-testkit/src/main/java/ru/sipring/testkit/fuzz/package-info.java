/**
 * A seeded generator of hostile queue_log input ({@link ru.sipring.testkit.fuzz.QueueLogFuzzer}): valid days
 * mutated with the damage real logs show (cut lines, stray CRs, duplicated and reordered lines, binary noise), for
 * fuzz and property tests of every queue_log reader. Deterministic for a seed; one instance per thread.
 */
@NullMarked
package ru.sipring.testkit.fuzz;

import org.jspecify.annotations.NullMarked;
