/**
 * Synthetic call-centre traffic: a seeded {@link ru.sipring.testkit.traffic.TrafficModel} (arrival rates over the day,
 * talk and patience distributions, staffing) and {@link ru.sipring.testkit.traffic.CallCentreDay}, which turns it
 * into one day of queue_log for tests and benchmarks. Deterministic for a seed; not thread-safe.
 */
@NullMarked
package ru.sipring.testkit.traffic;

import org.jspecify.annotations.NullMarked;
