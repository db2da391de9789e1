/**
 * The queue half of a fake Asterisk: {@link ru.sipring.testkit.queue.QueueEngine} holds queues, dynamic members and
 * waiting callers, follows app_queue's call flow as a driver (a test, the traffic model) tells it, and for every
 * change emits the AMI events and writes the queue_log lines ({@link ru.sipring.testkit.queue.QueueLogWriter}) that
 * Asterisk 22 would, so reports can be checked against a known truth. Both types are thread-safe (synchronized).
 */
@NullMarked
package ru.sipring.testkit.queue;

import org.jspecify.annotations.NullMarked;
