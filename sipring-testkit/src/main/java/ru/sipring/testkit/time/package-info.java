/**
 * Time for tests: a {@link ru.sipring.testkit.time.SimulatedClock} that a test moves by hand (thread-safe), and
 * {@link ru.sipring.testkit.time.Eventually}, which polls a condition until it holds instead of sleeping a fixed
 * time.
 */
@NullMarked
package ru.sipring.testkit.time;

import org.jspecify.annotations.NullMarked;
