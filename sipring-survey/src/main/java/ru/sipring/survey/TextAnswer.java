package ru.sipring.survey;

import java.time.Instant;

/** One free-text answer with where it came from. Immutable. */
public record TextAnswer(String responseId, String callId, String operator, Instant at, String text) {}
