package ru.sipring.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * Section 1: one answered stint. {@code enteredAt} is the ENTERQUEUE time (shown in the report's zone);
 * {@code waitTime} is the CONNECT holdtime, {@code talkTime} the terminal event's calltime, {@code position} the
 * original position. Names are empty strings when the directories do not know the queue or agent.
 */
public record AnsweredCall(String queue, String queueName, String agent, String agentNumber, String agentName,
    Instant enteredAt, String caller, Duration waitTime, Duration talkTime, int position, EndedBy endedBy,
    String callId) {}
