package ru.sipring.core.report;

/** Section 4, per queue: answered with total wait and talk, and lost with the total wait of lost callers. */
public record QueueRow(String queue, String name, long answered, long waitSeconds, long talkSeconds, long lost,
    long lostWaitSeconds) {}
