package ru.sipring.ha;

/**
 * A failed resource operation ({@code Failed Resource Actions} in crm_mon). Immutable; thread-safe.
 *
 * @param resource resource id, taken from the operation key
 * @param operationKey {@code asterisk_monitor_10000}
 * @param task {@code monitor}, {@code start}, {@code asyncmon} (simulated) ...
 * @param node where it failed
 * @param exitStatus words, {@code not running}
 * @param exitReason the agent's reason, often empty
 * @param exitCode OCF exit code (7 = not running), -1 when absent
 * @param intervalMs operation interval in milliseconds (0 = one-shot)
 * @param lastChange when it happened, as crm_mon printed it
 */
public record FailedAction(
    String resource,
    String operationKey,
    String task,
    String node,
    String exitStatus,
    String exitReason,
    int exitCode,
    long intervalMs,
    String lastChange) {}
