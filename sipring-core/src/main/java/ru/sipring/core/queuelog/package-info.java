/**
 * Reading Asterisk's queue_log: {@link ru.sipring.core.queuelog.QueueLogInput} says what to read (files, directories,
 * streams, a {@link ru.sipring.core.queuelog.QueueLogSource} such as the realtime table), and a
 * {@link ru.sipring.core.queuelog.QueueLogSink} receives every valid line in input order plus an
 * {@link ru.sipring.core.queuelog.InputProblem} for each line that could not be used. Lines are parsed in place
 * without allocation ({@link ru.sipring.core.queuelog.QueueLogLine} is a reused view, valid only during one call);
 * records and problems are immutable. Each type states its thread-safety.
 */
@NullMarked
package ru.sipring.core.queuelog;

import org.jspecify.annotations.NullMarked;
