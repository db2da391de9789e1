package ru.sipring.ha;

import java.time.Duration;

/**
 * What an action led to. Immutable; thread-safe.
 *
 * @param action what was asked
 * @param settled the cluster reached the asked-for state with no transition pending, within the timeout
 * @param elapsed from the request to the final snapshot
 * @param status the cluster after the action (the last snapshot taken)
 * @param health its health
 */
public record ActionOutcome(ClusterAction action, boolean settled, Duration elapsed, ClusterStatus status,
    HealthReport health) {}
