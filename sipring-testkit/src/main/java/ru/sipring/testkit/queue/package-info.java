/**
 * A discrete-event simulation of Asterisk's queues ({@link ru.sipring.testkit.queue.QueueEngine}) that writes the
 * queue_log Asterisk would write for the same calls ({@link ru.sipring.testkit.queue.QueueLogWriter}), with the
 * expected report figures known exactly, to test the inbound engine against ground truth. Not thread-safe: one
 * simulation per thread.
 */
@NullMarked
package ru.sipring.testkit.queue;

import org.jspecify.annotations.NullMarked;
